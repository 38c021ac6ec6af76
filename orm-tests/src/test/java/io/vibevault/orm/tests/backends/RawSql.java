package io.vibevault.orm.tests.backends;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw SQL against one test database. Statements are written with double-quoted identifiers and
 * rewritten to the backend's own quote character (backticks on MariaDB), so one statement serves
 * every database.
 */
final class RawSql {
  private final TestDatabase db;
  private final char quote;

  RawSql(TestDatabase db) {
    this.db = db;
    this.quote = ops().quoteName("x").charAt(0);
  }

  Operations ops() {
    return db.backend().operations();
  }

  /** {@code sql} with its double-quoted identifiers quoted the backend's way. */
  String sql(String neutral) {
    return neutral.replace('"', quote);
  }

  int execute(String sql, Object... neutralParams) {
    return executeList(sql, List.of(neutralParams));
  }

  /** As {@link #execute}, for parameter lists holding {@code null}. */
  int executeList(String sql, List<Object> params) {
    return db.connection().execute(sql(sql), params);
  }

  List<Object[]> query(String sql) {
    return db.connection().query(sql(sql), List.of());
  }

  /** Through the cursor: {@code %s} placeholders, values read with readAny. */
  List<Object[]> cursor(String sql, Object... params) {
    try (Cursor c = db.connection().cursor()) {
      c.execute(sql(sql), params);
      return c.fetchAll();
    }
  }

  /** The first column of every row, read as {@code kind}. */
  List<Object> column(Fragment query, FieldKind kind) {
    return db.connection()
        .query(
            sql(query.sql()),
            query.params(),
            rs -> {
              List<Object> out = new ArrayList<>();
              while (rs.next()) {
                out.add(ops().read(rs, 1, kind));
              }
              return out;
            });
  }

  /** Titles of bt_item rows matching a condition, by id. */
  List<Object> titlesWhere(Fragment condition) {
    return column(
        Fragment.format("SELECT \"title\" FROM \"bt_item\" WHERE %s ORDER BY \"id\"", condition),
        FieldKind.TEXT);
  }
}
