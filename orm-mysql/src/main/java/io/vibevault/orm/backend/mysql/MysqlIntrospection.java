package io.vibevault.orm.backend.mysql;

import io.vibevault.orm.backend.Introspection;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's and MySQL's schema from {@code information_schema}, limited to {@code DATABASE()}.
 * MariaDB's JSON is a LONGTEXT with a {@code json_valid} check: such a column is reported as JSON,
 * as Django does.
 *
 * <pre>{@code
 * new MysqlIntrospection(Database.connection(), backend::flavour).columns("memories");
 * }</pre>
 */
final class MysqlIntrospection implements Introspection {
  private static final Pattern JSON_VALID =
      Pattern.compile("^\\s*json_valid\\s*\\(\\s*`((?:[^`]|``)+)`\\s*\\)\\s*$");

  private final SqlExecutor executor;
  private final Supplier<MysqlFlavour> flavour;

  MysqlIntrospection(SqlExecutor executor, Supplier<MysqlFlavour> flavour) {
    this.executor = executor;
    this.flavour = flavour;
  }

  @Override
  public List<TableInfo> tables() {
    List<TableInfo> out = new ArrayList<>();
    for (Object[] r :
        executor.query(
            "SELECT table_name, table_type, table_comment FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() ORDER BY table_name",
            List.of())) {
      String comment = (String) r[2];
      boolean view = String.valueOf(r[1]).contains("VIEW");
      out.add(
          new TableInfo(
              (String) r[0],
              view ? TableType.VIEW : TableType.TABLE,
              // A view's comment is the word VIEW, not something a user wrote.
              view || comment == null || comment.isEmpty() ? null : comment));
    }
    return out;
  }

  @Override
  public List<ColumnInfo> columns(String table) {
    Set<String> json = jsonColumns(table);
    List<Object[]> rows =
        executor.query(
            "SELECT column_name, column_type, data_type, character_maximum_length,"
                + " numeric_precision, numeric_scale, is_nullable, column_default, column_key,"
                + " extra, column_comment"
                + " FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ?"
                + " ORDER BY ordinal_position",
            List.of(table));
    long pkColumns = rows.stream().filter(r -> "PRI".equals(r[8])).count();
    List<ColumnInfo> out = new ArrayList<>();
    for (Object[] r : rows) {
      String name = (String) r[0];
      String columnType = String.valueOf(r[1]).toLowerCase(Locale.ROOT);
      String dataType = String.valueOf(r[2]).toLowerCase(Locale.ROOT);
      boolean auto = String.valueOf(r[9]).toLowerCase(Locale.ROOT).contains("auto_increment");
      FieldKind kind = kindOf(dataType, columnType, auto);
      if (kind == FieldKind.TEXT && json.contains(name.toLowerCase(Locale.ROOT))) {
        kind = FieldKind.JSON;
      }
      boolean chars = kind == FieldKind.CHAR;
      boolean numeric = kind == FieldKind.DECIMAL;
      String comment = (String) r[10];
      out.add(
          new ColumnInfo(
              name,
              columnType,
              kind,
              chars ? integer(r[3]) : null,
              numeric ? integer(r[4]) : null,
              numeric ? integer(r[5]) : null,
              "YES".equals(r[6]),
              defaultSql((String) r[7]),
              pkColumns == 1 && "PRI".equals(r[8]),
              auto,
              comment == null || comment.isEmpty() ? null : comment));
    }
    return out;
  }

  @Override
  public List<ForeignKeyInfo> foreignKeys(String table) {
    List<ForeignKeyInfo> out = new ArrayList<>();
    for (ConstraintInfo c : constraints(table)) {
      if (c.isForeignKey() && c.columns().size() == 1) {
        out.add(
            new ForeignKeyInfo(
                c.name(), c.columns().get(0), c.referencedTable(), c.referencedColumn()));
      }
    }
    out.sort(Comparator.comparing(ForeignKeyInfo::column));
    return out;
  }

  @Override
  public List<ConstraintInfo> constraints(String table) {
    Map<String, ConstraintInfo.Builder> out = new LinkedHashMap<>();
    for (Object[] r :
        executor.query(
            "SELECT kc.constraint_name, kc.column_name, kc.referenced_table_name,"
                + " kc.referenced_column_name, c.constraint_type"
                + " FROM information_schema.key_column_usage kc"
                + " JOIN information_schema.table_constraints c"
                + " ON c.constraint_schema = kc.constraint_schema"
                + " AND c.table_name = kc.table_name"
                + " AND c.constraint_name = kc.constraint_name"
                + " WHERE kc.table_schema = DATABASE() AND kc.table_name = ?"
                + " AND c.constraint_type <> 'CHECK'"
                + " ORDER BY kc.constraint_name, kc.ordinal_position",
            List.of(table))) {
      ConstraintInfo.Builder b = out.computeIfAbsent((String) r[0], ConstraintInfo.Builder::new);
      String type = String.valueOf(r[4]);
      b.primaryKey = type.equals("PRIMARY KEY");
      b.unique = b.primaryKey || type.equals("UNIQUE");
      if (r[2] != null) {
        b.referencedTable = (String) r[2];
        b.referencedColumn = (String) r[3];
      }
      b.columns.add((String) r[1]);
    }
    List<String> names = columns(table).stream().map(ColumnInfo::name).toList();
    for (Object[] r : checks(table)) {
      ConstraintInfo.Builder b = out.computeIfAbsent((String) r[0], ConstraintInfo.Builder::new);
      b.check = true;
      String clause = String.valueOf(r[1]);
      for (String column : names) {
        if (clause.contains("`" + column.replace("`", "``") + "`")) {
          b.columns.add(column);
        }
      }
    }
    Map<String, ConstraintInfo.Builder> indexes = new LinkedHashMap<>();
    for (Object[] r :
        executor.query(
            "SELECT index_name, non_unique, column_name, collation"
                + " FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND table_name = ?"
                + " ORDER BY index_name, seq_in_index",
            List.of(table))) {
      String name = (String) r[0];
      ConstraintInfo.Builder existing = out.get(name);
      if (existing != null) {
        // PRIMARY, UNIQUE and foreign key constraints have an index of the same name.
        existing.index = true;
        continue;
      }
      ConstraintInfo.Builder b = indexes.computeIfAbsent(name, ConstraintInfo.Builder::new);
      b.index = true;
      b.unique = ((Number) r[1]).intValue() == 0;
      b.columns.add(r[2] == null ? "" : (String) r[2]);
      b.orders.add("D".equals(r[3]) ? "DESC" : "ASC");
    }
    out.putAll(indexes);
    List<ConstraintInfo> result = new ArrayList<>();
    for (ConstraintInfo.Builder b : out.values()) {
      result.add(b.build());
    }
    result.sort(Comparator.comparing(ConstraintInfo::name));
    return result;
  }

  @Override
  public List<SequenceInfo> sequences(String table) {
    return columns(table).stream()
        .filter(ColumnInfo::autoIncrement)
        .map(c -> new SequenceInfo(table, c.name(), null))
        .toList();
  }

  @Override
  public List<String> triggers(String table) {
    return executor
        .query(
            "SELECT trigger_name FROM information_schema.triggers"
                + " WHERE event_object_schema = DATABASE() AND event_object_table = ?"
                + " ORDER BY trigger_name",
            List.of(table))
        .stream()
        .map(r -> (String) r[0])
        .toList();
  }

  /** Name and clause of each CHECK constraint: MariaDB lists the table, MySQL needs a join. */
  private List<Object[]> checks(String table) {
    if (flavour.get().mariaDb()) {
      return executor.query(
          "SELECT constraint_name, check_clause FROM information_schema.check_constraints"
              + " WHERE constraint_schema = DATABASE() AND table_name = ?"
              + " ORDER BY constraint_name",
          List.of(table));
    }
    return executor.query(
        "SELECT cc.constraint_name, cc.check_clause FROM information_schema.check_constraints cc"
            + " JOIN information_schema.table_constraints tc"
            + " ON tc.constraint_schema = cc.constraint_schema"
            + " AND tc.constraint_name = cc.constraint_name AND tc.constraint_type = 'CHECK'"
            + " WHERE cc.constraint_schema = DATABASE() AND tc.table_name = ?"
            + " ORDER BY cc.constraint_name",
        List.of(table));
  }

  private Set<String> jsonColumns(String table) {
    Set<String> out = new HashSet<>();
    for (Object[] r : checks(table)) {
      Matcher m = JSON_VALID.matcher(String.valueOf(r[1]).toLowerCase(Locale.ROOT));
      if (m.matches()) {
        out.add(m.group(1).replace("``", "`"));
      }
    }
    return out;
  }

  /** MariaDB writes a missing default as the text {@code NULL}; that is no default. */
  private static String defaultSql(String value) {
    return value == null || value.equals("NULL") ? null : value;
  }

  /** Django's {@code data_types_reverse}, by data type (and full column type for booleans). */
  private static FieldKind kindOf(String dataType, String columnType, boolean auto) {
    return switch (dataType) {
      case "tinyint" ->
          columnType.startsWith("tinyint(1)") ? FieldKind.BOOLEAN : FieldKind.SMALL_INTEGER;
      case "bool", "boolean", "bit" -> FieldKind.BOOLEAN;
      case "smallint" -> auto ? FieldKind.AUTO : FieldKind.SMALL_INTEGER;
      case "int", "integer", "mediumint" -> auto ? FieldKind.AUTO : FieldKind.INTEGER;
      case "bigint" -> auto ? FieldKind.BIG_AUTO : FieldKind.BIG_INTEGER;
      case "decimal", "numeric" -> FieldKind.DECIMAL;
      case "double", "float", "real" -> FieldKind.FLOAT;
      case "char", "varchar" -> FieldKind.CHAR;
      case "text", "tinytext", "mediumtext", "longtext" -> FieldKind.TEXT;
      case "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary" -> FieldKind.BINARY;
      case "date" -> FieldKind.DATE;
      case "datetime", "timestamp" -> FieldKind.DATE_TIME;
      case "time" -> FieldKind.TIME;
      case "json" -> FieldKind.JSON;
      case "uuid" -> FieldKind.UUID;
      default -> null;
    };
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
