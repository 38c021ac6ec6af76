package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.exception.TooManyParametersError;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE statements (Django's {@code SQLInsertCompiler}, {@code
 * SQLUpdateCompiler}, {@code SQLDeleteCompiler}). Multi-row inserts are chunked under the backend's
 * parameter limit; an UPDATE or DELETE whose filter joins other tables selects the primary keys in
 * a subquery.
 *
 * <pre>{@code
 * List<Fragment> inserts = new WriteCompiler(ops, features).insert(meta, fields, rows, returning, null, 0);
 * }</pre>
 */
public final class WriteCompiler {
  private final Operations ops;
  private final Features features;

  /** How a bulk insert treats rows that conflict with a unique constraint. */
  public record Conflicts(boolean ignore, List<Field> uniqueFields, List<Field> updateFields) {}

  /** One {@code column = value} of an UPDATE: a neutral value or an expression. */
  public record Assignment(Field field, Object value) {}

  public WriteCompiler(Operations ops, Features features) {
    this.ops = ops;
    this.features = features;
  }

  /**
   * INSERT statements for rows of neutral values (one list per row, in {@code fields} order), split
   * into statements of {@link #insertChunk} rows.
   */
  public List<Fragment> insert(
      ModelMeta meta,
      List<Field> fields,
      List<List<Object>> rows,
      List<Field> returning,
      Conflicts conflicts,
      int batchSize) {
    int chunk = insertChunk(fields, batchSize);
    List<Fragment> out = new ArrayList<>();
    String fullSql = null;
    for (int start = 0; start < rows.size(); start += chunk) {
      List<List<Object>> part = rows.subList(start, Math.min(rows.size(), start + chunk));
      List<Object> params = new ArrayList<>(part.size() * fields.size());
      for (List<Object> row : part) {
        params.addAll(row);
      }
      String sql;
      if (part.size() == chunk) {
        // Every full chunk has the same text, built once.
        if (fullSql == null) {
          fullSql = insertSql(meta, fields, chunk, returning, conflicts);
        }
        sql = fullSql;
      } else {
        sql = insertSql(meta, fields, part.size(), returning, conflicts);
      }
      out.add(new Fragment(sql, params));
    }
    return out;
  }

  /**
   * Rows per multi-row INSERT of {@code fields}: {@code batchSize} when given, else as many as the
   * backend's {@link Features#bulkInsertParams() preferred number of parameters} holds, never more
   * than its parameter limit allows. A row of no fields ({@code DEFAULT VALUES}) is one statement.
   */
  public int insertChunk(List<Field> fields, int batchSize) {
    if (fields.size() > features.maxQueryParams()) {
      throw new TooManyParametersError(
          "A row has more columns than the backend accepts parameters");
    }
    if (fields.isEmpty()) {
      return 1;
    }
    int maxRows = Math.max(1, features.maxQueryParams() / fields.size());
    if (batchSize > 0) {
      return Math.min(batchSize, maxRows);
    }
    int preferred = Math.min(features.bulkInsertParams(), features.maxQueryParams());
    return Math.max(1, preferred / fields.size());
  }

  /**
   * The INSERT of {@code rowCount} rows of {@code fields} (their values bound in row order), with
   * the conflict clause and RETURNING {@code returning} when the backend has it. The text depends
   * only on the row count, so every full batch of a bulk insert runs the same prepared statement.
   */
  public String insertSql(
      ModelMeta meta,
      List<Field> fields,
      int rowCount,
      List<Field> returning,
      Conflicts conflicts) {
    String[] conflict = {"INSERT INTO", ""};
    if (conflicts != null) {
      conflict =
          ops.onConflict(
              conflicts.ignore(),
              columns(conflicts.uniqueFields()),
              columns(conflicts.updateFields()));
    }
    StringBuilder sql =
        new StringBuilder(64 + rowCount * (fields.size() * 3 + 4))
            .append(conflict[0])
            .append(' ')
            .append(ops.quoteName(meta.dbTable()));
    if (fields.isEmpty()) {
      sql.append(ops.defaultValuesInsert());
    } else {
      sql.append(" (").append(String.join(", ", columns(fields))).append(") VALUES ");
      String rowSql = "(" + "?, ".repeat(fields.size() - 1) + "?)";
      for (int i = 0; i < rowCount; i++) {
        if (i > 0) {
          sql.append(", ");
        }
        sql.append(rowSql);
      }
    }
    sql.append(conflict[1]);
    if (returning != null && !returning.isEmpty()) {
      String r = ops.returning(columns(returning));
      if (r != null) {
        sql.append(r);
      }
    }
    return sql.toString();
  }

  private List<String> columns(List<Field> fields) {
    List<String> out = new ArrayList<>();
    if (fields != null) {
      for (Field f : fields) {
        out.add(ops.quoteName(f.column()));
      }
    }
    return out;
  }

  /** UPDATE ... SET ... WHERE; throws EmptyResultSet when nothing can match. */
  public Fragment update(Query query, List<Assignment> assignments) {
    SqlCompiler compiler = new SqlCompiler(query, ops, features);
    List<Fragment> sets = new ArrayList<>();
    for (Assignment a : assignments) {
      Fragment value =
          a.value() instanceof Expression e
              ? compiler.compile(e)
              : new Fragment("?", java.util.Collections.singletonList(a.value()));
      sets.add(Fragment.format(ops.quoteName(a.field().column()) + " = %s", value));
    }
    Fragment set = Fragment.join(", ", sets);
    Fragment where = condition(query, compiler);
    List<Object> params = new ArrayList<>(set.params());
    params.addAll(where.params());
    String sql =
        "UPDATE "
            + ops.quoteName(query.model().dbTable())
            + " SET "
            + set.sql()
            + (where.sql().isEmpty() ? "" : " WHERE " + where.sql());
    return new Fragment(sql, params);
  }

  /** DELETE FROM ... WHERE; throws EmptyResultSet when nothing can match. */
  public Fragment delete(Query query) {
    SqlCompiler compiler = new SqlCompiler(query, ops, features);
    Fragment where = condition(query, compiler);
    String sql =
        "DELETE FROM "
            + ops.quoteName(query.model().dbTable())
            + (where.sql().isEmpty() ? "" : " WHERE " + where.sql());
    return new Fragment(sql, where.params());
  }

  private Fragment condition(Query query, SqlCompiler compiler) {
    if (!query.hasJoins() && !query.isSliced() && !QualifyCompiler.needed(query)) {
      return compiler.whereSql();
    }
    Fragment sub = compiler.pkSubquery();
    String pk = ops.quoteColumn(query.model().dbTable(), query.model().pk().column());
    return new Fragment(pk + " IN (" + sub.sql() + ")", sub.params());
  }
}
