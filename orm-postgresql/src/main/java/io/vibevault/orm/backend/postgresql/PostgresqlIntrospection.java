package io.vibevault.orm.backend.postgresql;

import io.vibevault.orm.backend.Introspection;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's schema from {@code pg_catalog}, limited to {@code current_schema()} (test databases
 * are schemas). Types are named as {@code format_type} writes them ({@code character varying(20)}).
 *
 * <pre>{@code
 * new PostgresqlIntrospection(Database.connection()).constraints("memories");
 * }</pre>
 */
final class PostgresqlIntrospection implements Introspection {
  private final SqlExecutor executor;

  PostgresqlIntrospection(SqlExecutor executor) {
    this.executor = executor;
  }

  @Override
  public List<TableInfo> tables() {
    List<TableInfo> out = new ArrayList<>();
    for (Object[] r :
        executor.query(
            "SELECT c.relname, c.relkind, obj_description(c.oid, 'pg_class')"
                + " FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                + " AND n.nspname = current_schema() AND NOT c.relispartition"
                + " ORDER BY c.relname",
            List.of())) {
      String kind = String.valueOf(r[1]);
      out.add(
          new TableInfo(
              (String) r[0],
              kind.equals("v") || kind.equals("m") ? TableType.VIEW : TableType.TABLE,
              (String) r[2]));
    }
    return out;
  }

  @Override
  public List<ColumnInfo> columns(String table) {
    List<String> pk = primaryKey(table);
    List<ColumnInfo> out = new ArrayList<>();
    for (Object[] r :
        executor.query(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname, a.attnotnull,"
                + " pg_get_expr(ad.adbin, ad.adrelid), a.attidentity,"
                + " information_schema._pg_char_max_length(a.atttypid, a.atttypmod),"
                + " information_schema._pg_numeric_precision(a.atttypid, a.atttypmod),"
                + " information_schema._pg_numeric_scale(a.atttypid, a.atttypmod),"
                + " col_description(c.oid, a.attnum)"
                + " FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_catalog.pg_attrdef ad"
                + " ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                + " WHERE c.relname = ? AND n.nspname = current_schema()"
                + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attnum",
            List.of(table))) {
      String name = (String) r[0];
      String typname = (String) r[2];
      String defaultSql = (String) r[4];
      String identity = r[5] == null ? "" : String.valueOf(r[5]);
      boolean auto =
          !identity.isEmpty() || (defaultSql != null && defaultSql.startsWith("nextval("));
      FieldKind kind = kindOf(typname, auto);
      boolean numeric = kind == FieldKind.DECIMAL;
      out.add(
          new ColumnInfo(
              name,
              (String) r[1],
              kind,
              integer(r[6]),
              numeric ? integer(r[7]) : null,
              numeric ? integer(r[8]) : null,
              !Boolean.TRUE.equals(r[3]),
              defaultSql,
              pk.size() == 1 && pk.contains(name),
              auto,
              (String) r[9]));
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
    // One row per constraint column, in key order; constraints without columns keep one row.
    for (Object[] r :
        executor.query(
            "SELECT con.conname, con.contype, ca.attname, fkc.relname, fka.attname"
                + " FROM pg_catalog.pg_constraint con"
                + " JOIN pg_catalog.pg_class cl ON cl.oid = con.conrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace"
                + " LEFT JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) ON true"
                + " LEFT JOIN pg_catalog.pg_attribute ca"
                + " ON ca.attrelid = con.conrelid AND ca.attnum = k.attnum"
                + " LEFT JOIN pg_catalog.pg_class fkc ON fkc.oid = con.confrelid"
                + " LEFT JOIN pg_catalog.pg_attribute fka"
                + " ON fka.attrelid = con.confrelid AND fka.attnum = con.confkey[1]"
                + " WHERE cl.relname = ? AND n.nspname = current_schema()"
                + " ORDER BY con.conname, k.ord",
            List.of(table))) {
      String type = String.valueOf(r[1]);
      ConstraintInfo.Builder b = out.computeIfAbsent((String) r[0], ConstraintInfo.Builder::new);
      b.primaryKey = type.equals("p");
      b.unique = type.equals("p") || type.equals("u");
      b.check = type.equals("c");
      if (type.equals("f")) {
        b.referencedTable = (String) r[3];
        b.referencedColumn = (String) r[4];
      }
      if (r[2] != null) {
        b.columns.add((String) r[2]);
      }
    }
    Map<String, ConstraintInfo.Builder> indexes = new LinkedHashMap<>();
    for (Object[] r :
        executor.query(
            "SELECT ic.relname, idx.indisunique, idx.indisprimary, a.attname,"
                + " (idx.indoption[k.ord - 1] & 1) = 1"
                + " FROM pg_catalog.pg_index idx"
                + " JOIN pg_catalog.pg_class t ON t.oid = idx.indrelid"
                + " JOIN pg_catalog.pg_class ic ON ic.oid = idx.indexrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                + " CROSS JOIN LATERAL unnest(idx.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
                + " LEFT JOIN pg_catalog.pg_attribute a"
                + " ON a.attrelid = t.oid AND a.attnum = k.attnum"
                + " WHERE t.relname = ? AND n.nspname = current_schema()"
                + " ORDER BY ic.relname, k.ord",
            List.of(table))) {
      String name = (String) r[0];
      if (out.containsKey(name)) {
        // The index behind a primary key or unique constraint is that constraint.
        out.get(name).index = true;
        continue;
      }
      ConstraintInfo.Builder b = indexes.computeIfAbsent(name, ConstraintInfo.Builder::new);
      b.index = true;
      b.unique = Boolean.TRUE.equals(r[1]);
      b.primaryKey = Boolean.TRUE.equals(r[2]);
      // An expression index has no column at that position.
      b.columns.add(r[3] == null ? "" : (String) r[3]);
      b.orders.add(Boolean.TRUE.equals(r[4]) ? "DESC" : "ASC");
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
    List<SequenceInfo> out = new ArrayList<>();
    for (Object[] r :
        executor.query(
            "SELECT s.relname, a.attname"
                + " FROM pg_catalog.pg_class s"
                + " JOIN pg_catalog.pg_depend d ON d.objid = s.oid"
                + " AND d.classid = 'pg_catalog.pg_class'::regclass"
                + " AND d.refclassid = 'pg_catalog.pg_class'::regclass"
                + " JOIN pg_catalog.pg_attribute a"
                + " ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                + " JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i')"
                + " AND t.relname = ? AND n.nspname = current_schema()"
                + " ORDER BY a.attnum",
            List.of(table))) {
      out.add(new SequenceInfo(table, (String) r[1], (String) r[0]));
    }
    return out;
  }

  @Override
  public List<String> triggers(String table) {
    return executor
        .query(
            "SELECT t.tgname FROM pg_catalog.pg_trigger t"
                + " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE NOT t.tgisinternal AND c.relname = ? AND n.nspname = current_schema()"
                + " ORDER BY t.tgname",
            List.of(table))
        .stream()
        .map(r -> (String) r[0])
        .toList();
  }

  private List<String> primaryKey(String table) {
    return constraints(table).stream()
        .filter(ConstraintInfo::primaryKey)
        .findFirst()
        .map(ConstraintInfo::columns)
        .orElse(List.of());
  }

  /** Django's {@code data_types_reverse}, by the type's catalog name. */
  private static FieldKind kindOf(String typname, boolean auto) {
    return switch (typname) {
      case "bool" -> FieldKind.BOOLEAN;
      case "bytea" -> FieldKind.BINARY;
      case "int2" -> auto ? FieldKind.AUTO : FieldKind.SMALL_INTEGER;
      case "int4" -> auto ? FieldKind.AUTO : FieldKind.INTEGER;
      case "int8" -> auto ? FieldKind.BIG_AUTO : FieldKind.BIG_INTEGER;
      case "float4", "float8" -> FieldKind.FLOAT;
      case "numeric" -> FieldKind.DECIMAL;
      case "text", "citext" -> FieldKind.TEXT;
      case "varchar", "bpchar" -> FieldKind.CHAR;
      case "date" -> FieldKind.DATE;
      case "time", "timetz" -> FieldKind.TIME;
      case "timestamp", "timestamptz" -> FieldKind.DATE_TIME;
      case "interval" -> FieldKind.DURATION;
      case "uuid" -> FieldKind.UUID;
      case "json", "jsonb" -> FieldKind.JSON;
      default -> null;
    };
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
