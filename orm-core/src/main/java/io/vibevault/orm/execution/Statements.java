package io.vibevault.orm.execution;

import io.vibevault.orm.backend.Operations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC mechanics of one statement on a connection already chosen by {@link DatabaseConnection}:
 * prepare, bind with the backend's rules, run, read, and log it with its time (failed statements
 * are logged too, so captures show what the database refused).
 */
final class Statements {
  private Statements() {}

  static void bind(Operations ops, PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ops.bind(ps, i + 1, params.get(i));
    }
  }

  /** Runs work on a prepared statement: the cached one when the backend wants a cache. */
  @FunctionalInterface
  private interface StatementWork<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  private static <T> T withStatement(
      DatabaseConnection owner, Connection c, String sql, StatementWork<T> work)
      throws SQLException {
    // Only in autocommit: a statement prepared under the pool's proxy is invisible to it, and in a
    // transaction the pool must see the connection used, to roll it back if it comes back open.
    if (owner.backend().features().driverCachesPreparedStatements() || !c.getAutoCommit()) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        return work.run(ps);
      }
    }
    StatementCache cache = StatementCache.of(c);
    PreparedStatement ps = cache.take(sql);
    T result;
    try {
      result = work.run(ps);
    } catch (SQLException | RuntimeException | Error e) {
      // A statement that failed is not trusted again.
      StatementCache.closeQuietly(ps);
      throw e;
    }
    cache.give(sql, ps);
    return result;
  }

  static <T> T query(
      DatabaseConnection owner,
      Connection c,
      String sql,
      List<Object> params,
      DatabaseConnection.ResultHandler<T> handler)
      throws SQLException {
    long start = System.nanoTime();
    try {
      return withStatement(
          owner,
          c,
          sql,
          ps -> {
            bind(owner.ops(), ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              return handler.handle(rs);
            }
          });
    } finally {
      QueryLog.record(owner.alias(), sql, params, System.nanoTime() - start);
    }
  }

  static List<Object[]> readAll(Operations ops, ResultSet rs) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = ops.readAny(rs, i + 1);
      }
      rows.add(row);
    }
    return rows;
  }

  static int update(DatabaseConnection owner, Connection c, String sql, List<Object> params)
      throws SQLException {
    long start = System.nanoTime();
    try {
      return withStatement(
          owner,
          c,
          sql,
          ps -> {
            bind(owner.ops(), ps, params);
            return ps.executeUpdate();
          });
    } finally {
      QueryLog.record(owner.alias(), sql, params, System.nanoTime() - start);
    }
  }

  /** An INSERT returning keys: through a RETURNING clause, or the driver's generated keys. */
  static <T> List<T> insert(
      DatabaseConnection owner,
      Connection c,
      String sql,
      List<Object> params,
      boolean returningClause,
      String[] keyColumns,
      DatabaseConnection.ResultHandler<T> reader)
      throws SQLException {
    long start = System.nanoTime();
    try {
      if (returningClause) {
        return withStatement(
            owner, c, sql, ps -> runInsert(owner.ops(), ps, params, true, false, reader));
      }
      boolean generatedKeys = keyColumns != null;
      try (PreparedStatement ps = prepareInsert(c, sql, generatedKeys)) {
        return runInsert(owner.ops(), ps, params, false, generatedKeys, reader);
      }
    } finally {
      QueryLog.record(owner.alias(), sql, params, System.nanoTime() - start);
    }
  }

  /**
   * One INSERT run once per parameter set on one prepared statement: sqlite-jdbc compiles the text
   * on every prepare (and the ORM's statement cache is off in a transaction), and a server's driver
   * is spared its cache look-up. Each execution is logged as its own statement.
   */
  static <T> List<List<T>> insertEach(
      DatabaseConnection owner,
      Connection c,
      String sql,
      List<List<Object>> paramSets,
      boolean returningClause,
      String[] keyColumns,
      DatabaseConnection.ResultHandler<T> reader)
      throws SQLException {
    List<List<T>> out = new ArrayList<>(paramSets.size());
    boolean generatedKeys = !returningClause && keyColumns != null;
    try (PreparedStatement ps = prepareInsert(c, sql, generatedKeys)) {
      for (List<Object> params : paramSets) {
        long start = System.nanoTime();
        try {
          out.add(runInsert(owner.ops(), ps, params, returningClause, generatedKeys, reader));
        } finally {
          QueryLog.record(owner.alias(), sql, params, System.nanoTime() - start);
        }
      }
    }
    return out;
  }

  private static PreparedStatement prepareInsert(Connection c, String sql, boolean generatedKeys)
      throws SQLException {
    return generatedKeys
        ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
        : c.prepareStatement(sql);
  }

  /** Binds and runs one INSERT; its keys from the RETURNING rows or the driver's generated keys. */
  private static <T> List<T> runInsert(
      Operations ops,
      PreparedStatement ps,
      List<Object> params,
      boolean returningClause,
      boolean generatedKeys,
      DatabaseConnection.ResultHandler<T> reader)
      throws SQLException {
    bind(ops, ps, params);
    if (returningClause) {
      try (ResultSet rs = ps.executeQuery()) {
        return readEach(rs, reader);
      }
    }
    ps.executeUpdate();
    if (!generatedKeys) {
      return new ArrayList<>();
    }
    try (ResultSet rs = ps.getGeneratedKeys()) {
      return readEach(rs, reader);
    }
  }

  private static <T> List<T> readEach(ResultSet rs, DatabaseConnection.ResultHandler<T> reader)
      throws SQLException {
    List<T> out = new ArrayList<>();
    while (rs.next()) {
      out.add(reader.handle(rs));
    }
    return out;
  }

  static int[] batch(
      DatabaseConnection owner, Connection c, String sql, List<List<Object>> paramSets)
      throws SQLException {
    long start = System.nanoTime();
    try {
      return withStatement(
          owner,
          c,
          sql,
          ps -> {
            for (List<Object> params : paramSets) {
              bind(owner.ops(), ps, params);
              ps.addBatch();
            }
            return ps.executeBatch();
          });
    } finally {
      // The log shows the batch's size, not every row's values.
      QueryLog.record(
          owner.alias(), sql, List.of("batch of " + paramSets.size()), System.nanoTime() - start);
    }
  }

  /** Column labels of a result set, for raw() and cursors. */
  static List<String> columnLabels(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> labels = new ArrayList<>(md.getColumnCount());
    for (int i = 1; i <= md.getColumnCount(); i++) {
      labels.add(md.getColumnLabel(i));
    }
    return labels;
  }
}
