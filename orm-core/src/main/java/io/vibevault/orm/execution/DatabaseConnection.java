package io.vibevault.orm.execution;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.backend.TransactionMode;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.TransactionManagementError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
  // False while the application manages the transaction itself (setAutocommit(false)).
  boolean autocommit = true;
  private int savedIsolation;

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
    if (pinned != null && pins <= 0 && !inAtomicBlock && autocommit) {
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

  /** Inside an atomic block, a database error dooms the transaction (see the guard below). */
  void markFailed(DatabaseError error) {
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
    Statements.bind(ops(), ps, params);
  }

  /** Runs a query and hands the result set to {@code handler}. */
  public <T> T query(String sql, List<Object> params, ResultHandler<T> handler) {
    validateNoBrokenTransaction();
    return withConnection(c -> Statements.query(this, c, sql, params, handler), sql);
  }

  @Override
  public List<Object[]> query(String sql, List<Object> params) {
    return query(sql, params, rs -> Statements.readAll(ops(), rs));
  }

  @Override
  public int execute(String sql, List<Object> params) {
    validateNoBrokenTransaction();
    return withConnection(c -> Statements.update(this, c, sql, params), sql);
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
        c -> Statements.insert(this, c, sql, params, returningClause, keyColumns, reader), sql);
  }

  /**
   * Runs one INSERT once per parameter set on a single prepared statement (the batches of a bulk
   * insert that share their text) and returns each execution's keys as {@link #insert} would, one
   * list per parameter set. With neither {@code returningClause} nor {@code keyColumns} the lists
   * are empty.
   */
  public <T> List<List<T>> insertEach(
      String sql,
      List<List<Object>> paramSets,
      boolean returningClause,
      String[] keyColumns,
      ResultHandler<T> reader) {
    validateNoBrokenTransaction();
    return withConnection(
        c -> Statements.insertEach(this, c, sql, paramSets, returningClause, keyColumns, reader),
        sql);
  }

  /** Runs one statement for many parameter sets as a JDBC batch; returns the update counts. */
  public int[] executeBatch(String sql, List<List<Object>> paramSets) {
    validateNoBrokenTransaction();
    if (paramSets.isEmpty()) {
      return new int[0];
    }
    return withConnection(c -> Statements.batch(this, c, sql, paramSets), sql);
  }

  // ---------------------------------------------------------------- transaction primitives

  /**
   * Starts a transaction on a pinned connection (the outermost atomic block, or manual mode). On
   * failure the connection is as it was.
   */
  void begin(Integer isolation, TransactionMode mode) {
    if (pinned == null) {
      pinned = acquire();
    }
    boolean isolationSet = false;
    try {
      if (isolation != null) {
        savedIsolation = pinned.getTransactionIsolation();
        pinned.setTransactionIsolation(isolation);
        isolationSet = true;
      }
      backend.beginTransaction(pinned, mode);
    } catch (SQLException e) {
      if (isolationSet) {
        try {
          pinned.setTransactionIsolation(savedIsolation);
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      releaseIfIdle();
      throw ops().translate(e, "BEGIN");
    }
    QueryLog.record(alias, "BEGIN", List.of(), 0);
  }

  /** Commits the outermost transaction and returns the connection to autocommit. */
  void commitAndEnd() {
    runControl("COMMIT", c -> backend.endTransaction(c, true));
  }

  /** Rolls back the outermost transaction, returns to autocommit and drops the on-commit hooks. */
  void rollbackAndEnd() {
    try {
      runControl("ROLLBACK", c -> backend.endTransaction(c, false));
    } finally {
      needsRollback = false;
      rollbackCause = null;
      runOnCommit.clear();
    }
  }

  /**
   * After the outermost block: the connection back in autocommit with its isolation level, the
   * block state cleared, the connection returned to the pool.
   */
  void finishOutermost(Integer isolation) {
    try {
      Connection c = pinned;
      if (c != null) {
        try {
          if (!c.getAutoCommit()) {
            // Only after a failed commit and a failed rollback: never leave work pending.
            c.rollback();
            c.setAutoCommit(true);
          }
          if (isolation != null) {
            c.setTransactionIsolation(savedIsolation);
          }
        } catch (SQLException e) {
          discard();
        }
      }
    } finally {
      inAtomicBlock = false;
      needsRollback = false;
      rollbackCause = null;
      closedInTransaction = false;
      savepointIds.clear();
      atomicBlocksDurable.clear();
      releaseIfIdle();
    }
  }

  /**
   * Closes this thread's connection (Django's {@code connection.close()}); the next statement
   * borrows another. Pending on-commit hooks are dropped. Inside an atomic block the database rolls
   * the transaction back, further queries are refused, and the block can only end.
   */
  public void close() {
    runOnCommit.clear();
    if (closedInTransaction || pinned == null) {
      return;
    }
    try {
      pinned.close();
    } catch (SQLException ignored) {
      // The pool discards a connection that fails to close.
    } finally {
      pinned = null;
      pins = 0;
      autocommit = true;
      if (inAtomicBlock) {
        closedInTransaction = true;
        needsRollback = true;
      }
    }
  }

  // ---------------------------------------------------------------- manual transactions

  /** Whether statements commit one by one: not inside an atomic block, not in manual mode. */
  public boolean getAutocommit() {
    return autocommit && !inAtomicBlock;
  }

  /**
   * Turns autocommit off (a transaction begins and stays open across {@link #commit()} and {@link
   * #rollback()}) or back on, committing the open transaction. Forbidden inside an atomic block.
   */
  public void setAutocommit(boolean on) {
    validateNoAtomicBlock();
    if (on == autocommit) {
      return;
    }
    if (!on) {
      begin(null, null);
      autocommit = false;
      return;
    }
    boolean committed = false;
    try {
      commitAndEnd();
      committed = true;
    } catch (RuntimeException e) {
      try {
        rollbackAndEnd();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
        discard();
      }
      throw e;
    } finally {
      autocommit = true;
      needsRollback = false;
      rollbackCause = null;
      releaseIfIdle();
      if (!committed) {
        runOnCommit.clear();
      }
    }
    // Hooks registered in atomic blocks of the manual transaction: their work is committed now.
    runCommitHooks();
  }

  /** Commits the manual transaction; a new one begins. A no-op in autocommit. */
  public void commit() {
    validateNoAtomicBlock();
    if (autocommit || pinned == null) {
      return;
    }
    runControl("COMMIT", Connection::commit);
  }

  /** Rolls back the manual transaction; a new one begins. A no-op in autocommit. */
  public void rollback() {
    validateNoAtomicBlock();
    if (autocommit || pinned == null) {
      return;
    }
    try {
      runControl("ROLLBACK", Connection::rollback);
    } finally {
      needsRollback = false;
      rollbackCause = null;
      runOnCommit.clear();
    }
  }

  private void validateNoAtomicBlock() {
    if (inAtomicBlock) {
      throw new TransactionManagementError("This is forbidden when an 'atomic' block is active.");
    }
  }

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
}
