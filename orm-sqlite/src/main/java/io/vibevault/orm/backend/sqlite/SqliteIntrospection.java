package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.Introspection;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's schema, read through the {@code pragma_*} table functions (names bound as parameters)
 * and, for what the pragmas do not tell (check constraints, {@code AUTOINCREMENT}, JSON columns),
 * the table's own {@code CREATE TABLE} text in {@code sqlite_master}.
 *
 * <pre>{@code
 * new SqliteIntrospection(Database.connection()).columns("memories");
 * }</pre>
 */
final class SqliteIntrospection implements Introspection {
  private static final Pattern SIZED =
      Pattern.compile("^([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)$");

  private final SqlExecutor executor;

  SqliteIntrospection(SqlExecutor executor) {
    this.executor = executor;
  }

  @Override
  public List<TableInfo> tables() {
    List<TableInfo> out = new ArrayList<>();
    for (Object[] row :
        executor.query(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            List.of())) {
      out.add(
          new TableInfo(
              (String) row[0], "view".equals(row[1]) ? TableType.VIEW : TableType.TABLE, null));
    }
    return out;
  }

  @Override
  public List<ColumnInfo> columns(String table) {
    List<Object[]> rows =
        executor.query(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid",
            List.of(table));
    long pkColumns = rows.stream().filter(r -> number(r[4]) > 0).count();
    SqliteTableSql sql = new SqliteTableSql(createSql(table));
    Set<String> json = sql.jsonColumns();
    List<ColumnInfo> out = new ArrayList<>();
    for (Object[] r : rows) {
      String name = (String) r[0];
      String declared = ((String) r[1]).trim().toLowerCase(Locale.ROOT);
      boolean pk = number(r[4]) > 0;
      // A lone INTEGER PRIMARY KEY is the rowid: the database numbers new rows itself.
      boolean rowid = pk && pkColumns == 1 && declared.equals("integer");
      String base = declared;
      Integer length = null;
      Integer precision = null;
      Integer scale = null;
      Matcher m = SIZED.matcher(declared);
      if (m.matches()) {
        base = m.group(1).trim();
        if (m.group(3) != null) {
          precision = Integer.valueOf(m.group(2));
          scale = Integer.valueOf(m.group(3));
        } else if (base.contains("char")) {
          length = Integer.valueOf(m.group(2));
        } else {
          precision = Integer.valueOf(m.group(2));
        }
      }
      FieldKind kind = rowid ? FieldKind.AUTO : kindOf(base);
      if (json.contains(name.toLowerCase(Locale.ROOT)) && kind == FieldKind.TEXT) {
        kind = FieldKind.JSON;
      }
      out.add(
          new ColumnInfo(
              name,
              declared,
              kind,
              length,
              precision,
              scale,
              !pk && number(r[2]) == 0,
              (String) r[3],
              pk,
              rowid,
              null));
    }
    return out;
  }

  @Override
  public List<ForeignKeyInfo> foreignKeys(String table) {
    Map<Long, List<Object[]>> byId = new LinkedHashMap<>();
    for (Object[] r :
        executor.query(
            "SELECT id, seq, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)"
                + " ORDER BY id, seq",
            List.of(table))) {
      byId.computeIfAbsent(number(r[0]), k -> new ArrayList<>()).add(r);
    }
    List<ForeignKeyInfo> out = new ArrayList<>();
    for (var e : byId.entrySet()) {
      if (e.getValue().size() != 1) {
        continue;
      }
      Object[] r = e.getValue().get(0);
      String target = (String) r[2];
      String to = (String) r[4];
      if (to == null) {
        // REFERENCES t without a column means t's primary key.
        to = primaryKeyColumn(target).orElse(null);
      }
      out.add(new ForeignKeyInfo("fk_" + e.getKey(), (String) r[3], target, to));
    }
    out.sort(Comparator.comparing(ForeignKeyInfo::column));
    return out;
  }

  @Override
  public List<ConstraintInfo> constraints(String table) {
    Map<String, ConstraintInfo> out = new LinkedHashMap<>();
    List<ColumnInfo> columns = columns(table);
    List<String> pk =
        columns.stream().filter(ColumnInfo::primaryKey).map(ColumnInfo::name).toList();
    boolean pkIndexed = false;
    SqliteTableSql sql = new SqliteTableSql(createSql(table));
    List<SqliteTableSql.NamedUnique> named = sql.namedUniques();
    for (Object[] idx :
        executor.query(
            "SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY name",
            List.of(table))) {
      String name = (String) idx[0];
      List<String> cols = new ArrayList<>();
      List<String> orders = new ArrayList<>();
      for (Object[] c :
          executor.query(
              "SELECT name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
              List.of(name))) {
        cols.add((String) c[0]);
        orders.add(number(c[1]) == 1 ? "DESC" : "ASC");
      }
      boolean primary = "pk".equals(idx[2]);
      pkIndexed |= primary;
      if ("u".equals(idx[2])) {
        // SQLite names the index of a table's UNIQUE clause itself; the clause knows its name.
        for (SqliteTableSql.NamedUnique u : named) {
          if (u.columns().equals(cols)) {
            name = u.name();
            break;
          }
        }
      }
      out.put(
          name,
          new ConstraintInfo(
              name, cols, primary, number(idx[1]) == 1, true, false, null, null, orders));
    }
    if (!pk.isEmpty() && !pkIndexed) {
      out.put(
          "__primary__",
          new ConstraintInfo("__primary__", pk, true, true, false, false, null, null, List.of()));
    }
    for (ForeignKeyInfo fk : foreignKeys(table)) {
      out.put(
          fk.name(),
          new ConstraintInfo(
              fk.name(),
              List.of(fk.column()),
              false,
              false,
              false,
              false,
              fk.referencedTable(),
              fk.referencedColumn(),
              List.of()));
    }
    List<String> names = columns.stream().map(ColumnInfo::name).toList();
    int unnamed = 0;
    for (SqliteTableSql.Check check : sql.checks()) {
      String name =
          check.name() != null ? check.name() : "__unnamed_constraint_" + ++unnamed + "__";
      List<String> cols = new ArrayList<>();
      for (String n : names) {
        if (check.mentions(n)) {
          cols.add(n);
        }
      }
      out.put(
          name, new ConstraintInfo(name, cols, false, false, false, true, null, null, List.of()));
    }
    List<ConstraintInfo> sorted = new ArrayList<>(out.values());
    sorted.sort(Comparator.comparing(ConstraintInfo::name));
    return sorted;
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
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
                + " UNION SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND tbl_name = ?"
                + " ORDER BY name",
            List.of(table, table))
        .stream()
        .map(r -> (String) r[0])
        .toList();
  }

  private String createSql(String table) {
    List<Object[]> rows =
        executor.query(
            "SELECT sql FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
            List.of(table));
    return rows.isEmpty() || rows.get(0)[0] == null ? "" : (String) rows.get(0)[0];
  }

  /** SQLite's type affinity names, as Django's {@code FlexibleFieldLookupDict} reads them. */
  private static FieldKind kindOf(String base) {
    return switch (base) {
      case "bool", "boolean" -> FieldKind.BOOLEAN;
      case "smallint", "int2", "tinyint" -> FieldKind.SMALL_INTEGER;
      case "integer", "int", "mediumint", "int4" -> FieldKind.INTEGER;
      case "bigint", "int8", "unsigned big int" -> FieldKind.BIG_INTEGER;
      case "decimal", "numeric" -> FieldKind.DECIMAL;
      case "real", "double", "double precision", "float" -> FieldKind.FLOAT;
      case "text", "clob" -> FieldKind.TEXT;
      case "char", "varchar", "nchar", "nvarchar", "varying character", "character" ->
          FieldKind.CHAR;
      case "blob" -> FieldKind.BINARY;
      case "date" -> FieldKind.DATE;
      case "datetime", "timestamp" -> FieldKind.DATE_TIME;
      case "time" -> FieldKind.TIME;
      case "uuid" -> FieldKind.UUID;
      case "json", "jsonb" -> FieldKind.JSON;
      default -> null;
    };
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
