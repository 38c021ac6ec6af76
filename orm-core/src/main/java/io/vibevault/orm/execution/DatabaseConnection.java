package io.vibevault.orm.execution;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.OperationalError;
import io.vibevault.orm.exception.TransactionManagementError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One thread's connection to one database alias (Django's {@code DatabaseWrapper}). Outside a
 * transaction each statement borrows a pooled connection and returns it; inside {@code
 * Transaction.atomic} (or while a streaming iterator is open) the connection is pinned to the
 * thread. It holds the transaction state the atomic blocks share, runs every statement with bound
 * parameters, logs and captures it, and translates driver errors.
 *
 * <pre>{@code
 * DatabaseConnection c = Database.connection();
 * try (Cursor cursor = c.cursor()) { cursor.execute("SELECT 1"); }
 * }</pre>
 */
public final class DatabaseConnection implements SqlExecutor {
  /** Reads a result set; may throw SQLException, which the connection translates. */
  @FunctionalInterface
  public interface ResultHandler<T> {
    T handle(ResultSet rs) throws SQLException;
  }

  private final String alias;
  private final Backend backend;
  private final DataSource dataSource;
  private Connection pinned;
  private int pins;

  // Transaction state shared by nested atomic blocks (see Transaction).
  boolean inAtomicBlock;
  boolean commitOnExit = true;
  boolean needsRollback;
  Throwable rollbackCause;
  final List<String> savepointIds = new ArrayList<>();
  final List<Boolean> atomicBlocksDurable = new ArrayList<>();
  final List<OnCommitHook> runOnCommit = new ArrayList<>();
  private int savepointCounter;
  boolean closedInTransaction;

  record OnCommitHook(Set<String> savepoints, Runnable hook) {}

  DatabaseConnection(String alias, Backend backend, DataSource dataSource) {
    this.alias = alias;
    this.backend = backend;
    this.dataSource = dataSource;
  }

  public String alias() {
    return alias;
  }

  public Backend backend() {
    return backend;
  }

  public Operations ops() {
    return backend.operations();
  }

  /** Whether a transaction is open on this thread for this alias. */
  public boolean inAtomicBlock() {
    return inAtomicBlock;
  }

  /** A cursor for raw SQL with bound parameters. */
  public Cursor cursor() {
    return new Cursor(this);
  }

  // ---------------------------------------------------------------- connection pinning

  /** Keeps one physical connection for this thread until {@link #unpin()} (iterators). */
  public void pin() {
    if (pinned == null) {
      pinned = acquire();
    }
    pins++;
  }

  @Override
  public void onOneConnection(Runnable work) {
    pin();
    try {
      work.run();
    } finally {
      unpin();
    }
  }

  /** Releases a pin; the connection returns to the pool when nothing holds it. */
  public void unpin() {
    pins--;
    releaseIfIdle();
  }

  private Connection acquire() {
    try {
      Connection c = dataSource.getConnection();
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return c;
    } catch (SQLException e) {
      throw ops().translate(e, null);
    }
  }

  private void releaseIfIdle() {
    if (pinned != null && pins <= 0 && !inAtomicBlock) {
      pins = 0;
      try {
        pinned.close();
      } catch (SQLException e) {
        throw ops().translate(e, null);
      } finally {
        pinned = null;
      }
    }
  }

  /** Runs work on this thread's connection, borrowing one from the pool when none is pinned. */
  public <T> T withConnection(SqlWork<T> work, String sqlForErrors) {
    boolean borrowed = pinned == null;
    Connection c = borrowed ? acquire() : pinned;
    try {
      return work.run(c);
    } catch (SQLException e) {
      DatabaseError error = ops().translate(e, sqlForErrors);
      markFailed(error);
      throw error;
    } catch (DatabaseError e) {
      markFailed(e);
      throw e;
    } finally {
      if (borrowed) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // The pool discards a connection that fails to close.
        }
      }
    }
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private void markFailed(DatabaseError error) {
    if (inAtomicBlock) {
      needsRollback = true;
      rollbackCause = error;
    }
  }

  /** Refuses queries in a transaction that already failed (Django's broken-transaction guard). */
  public void validateNoBrokenTransaction() {
    if (needsRollback) {
      throw new TransactionManagementError(
          "An error occurred in the current transaction. You can't execute queries until the end"
              + " of the 'atomic' block.",
          rollbackCause);
    }
  }

  // ---------------------------------------------------------------- statements

  /** Binds params into a prepared statement with the backend's rules. */
  public void bindAll(PreparedStatement ps, List<Object> params) throws SQLException {
    Operations ops = ops();
    for (int i = 0; i < params.size(); i++) {
      ops.bind(ps, i + 1, params.get(i));
    }
  }

  /** Runs a query and hands the result set to {@code handler}. */
  public <T> T query(String sql, List<Object> params, ResultHandler<T> handler) {
    validateNoBrokenTransaction();
    return withConnection(
        c -> {
          long start = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              T result = handler.handle(rs);
              QueryLog.record(alias, sql, params, System.nanoTime() - start);
              return result;
            }
          } catch (SQLException | RuntimeException e) {
            QueryLog.record(alias, sql, params, System.nanoTime() - start);
            throw e;
          }
        },
        sql);
  }

  @Override
  public List<Object[]> query(String sql, List<Object> params) {
    return query(
        sql,
        params,
        rs -> {
          List<Object[]> rows = new ArrayList<>();
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
              row[i] = ops().readAny(rs, i + 1);
            }
            rows.add(row);
          }
          return rows;
        });
  }

  @Override
  public int execute(String sql, List<Object> params) {
    validateNoBrokenTransaction();
    return withConnection(
        c -> {
          long start = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            int n = ps.executeUpdate();
            return n;
          } finally {
            QueryLog.record(alias, sql, params, System.nanoTime() - start);
          }
        },
        sql);
  }

  /**
   * Runs an INSERT and returns the generated keys (or RETURNING rows) read with {@code reader}, one
   * entry per inserted row.
   */
  public <T> List<T> insert(
      String sql,
      List<Object> params,
      boolean returningClause,
      String[] keyColumns,
      ResultHandler<T> reader) {
    validateNoBrokenTransaction();
    return withConnection(
        c -> {
          long start = System.nanoTime();
          try {
            if (returningClause) {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindAll(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                  List<T> out = new ArrayList<>();
                  while (rs.next()) {
                    out.add(reader.handle(rs));
                  }
                  return out;
                }
              }
            }
            try (PreparedStatement ps =
                keyColumns == null
                    ? c.prepareStatement(sql)
                    : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
              bindAll(ps, params);
              ps.executeUpdate();
              List<T> out = new ArrayList<>();
              if (keyColumns != null) {
                try (ResultSet rs = ps.getGeneratedKeys()) {
                  while (rs.next()) {
                    out.add(reader.handle(rs));
                  }
                }
              }
              return out;
            }
          } finally {
            QueryLog.record(alias, sql, params, System.nanoTime() - start);
          }
        },
        sql);
  }

  /** Runs one statement for many parameter sets as a JDBC batch; returns the update counts. */
  public int[] executeBatch(String sql, List<List<Object>> paramSets) {
    validateNoBrokenTransaction();
    if (paramSets.isEmpty()) {
      return new int[0];
    }
    return withConnection(
        c -> {
          long start = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<Object> params : paramSets) {
              bindAll(ps, params);
              ps.addBatch();
            }
            return ps.executeBatch();
          } finally {
            List<Object> shown = new ArrayList<>();
            shown.add("batch of " + paramSets.size());
            QueryLog.record(alias, sql, shown, System.nanoTime() - start);
          }
        },
        sql);
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

  // ---------------------------------------------------------------- transaction primitives

  /** Starts a transaction on a pinned connection (used by the outermost atomic block). */
  void begin(Integer isolation) {
    if (pinned == null) {
      pinned = acquire();
    }
    try {
      if (isolation != null) {
        defaultIsolation = pinned.getTransactionIsolation();
        pinned.setTransactionIsolation(isolation);
      }
      pinned.setAutoCommit(false);
    } catch (SQLException e) {
      throw ops().translate(e, "BEGIN");
    }
    QueryLog.record(alias, "BEGIN", List.of(), 0);
  }

  /** Commits and returns to autocommit; then runs the on-commit hooks. */
  void commit() {
    runControl("COMMIT", Connection::commit);
  }

  /** Rolls back the whole transaction and drops the on-commit hooks. */
  void rollback() {
    try {
      runControl("ROLLBACK", Connection::rollback);
    } finally {
      needsRollback = false;
      rollbackCause = null;
      runOnCommit.clear();
    }
  }

  /** Back to autocommit after the outermost block; restores the default isolation. */
  void endTransaction(Integer isolation) {
    Connection c = pinned;
    if (c == null) {
      return;
    }
    try {
      c.setAutoCommit(true);
      if (isolation != null) {
        c.setTransactionIsolation(defaultIsolation);
      }
    } catch (SQLException e) {
      // A connection that cannot be reset is closed and dropped from the pool by Hikari.
      closedInTransaction = true;
    } finally {
      inAtomicBlock = false;
      releaseIfIdle();
    }
  }

  private int defaultIsolation = Connection.TRANSACTION_READ_COMMITTED;

  String savepoint() {
    String sid = "vv_sp" + (++savepointCounter);
    runControl("SAVEPOINT " + sid, c -> execControl(c, "SAVEPOINT " + sid));
    return sid;
  }

  void savepointRollback(String sid) {
    runControl("ROLLBACK TO SAVEPOINT " + sid, c -> execControl(c, "ROLLBACK TO SAVEPOINT " + sid));
    runOnCommit.removeIf(h -> h.savepoints().contains(sid));
  }

  void savepointRelease(String sid) {
    runControl("RELEASE SAVEPOINT " + sid, c -> execControl(c, "RELEASE SAVEPOINT " + sid));
  }

  Set<String> currentSavepoints() {
    Set<String> s = new HashSet<>();
    for (String id : savepointIds) {
      if (id != null) {
        s.add(id);
      }
    }
    return s;
  }

  private static void execControl(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private interface Control {
    void run(Connection c) throws SQLException;
  }

  private void runControl(String sql, Control control) {
    if (pinned == null) {
      throw new TransactionManagementError("No transaction is open for '" + alias + "'");
    }
    long start = System.nanoTime();
    try {
      control.run(pinned);
    } catch (SQLException e) {
      throw ops().translate(e, sql);
    } finally {
      QueryLog.record(alias, sql, List.of(), System.nanoTime() - start);
    }
  }

  /** Runs hooks registered for the committed transaction, clearing them even if one fails. */
  void runCommitHooks() {
    List<OnCommitHook> hooks = new ArrayList<>(runOnCommit);
    runOnCommit.clear();
    for (OnCommitHook h : hooks) {
      h.hook().run();
    }
  }

  /** Closes a pinned connection after a failure that left it unusable. */
  void discard() {
    if (pinned != null) {
      try {
        pinned.close();
      } catch (SQLException ignored) {
        // Already broken.
      }
      pinned = null;
      pins = 0;
    }
  }

  /** Raised when the pool cannot give a connection; kept here so tests can name it. */
  static OperationalError poolExhausted(SQLException e) {
    return new OperationalError("Could not get a connection from the pool", e);
  }
}
