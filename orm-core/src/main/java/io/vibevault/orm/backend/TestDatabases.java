package io.vibevault.orm.backend;

/**
 * Creates and drops isolated databases for tests (Django's {@code DatabaseCreation}): a fresh
 * schema on PostgreSQL, a fresh database on MariaDB/MySQL, a temporary file on SQLite.
 *
 * <pre>{@code
 * DatabaseSettings isolated = backend.testDatabases().create(settings, "vv_test_1a2b");
 * }</pre>
 */
public interface TestDatabases {
  /** Creates an empty isolated database named {@code name}; returns settings that reach it. */
  DatabaseSettings create(DatabaseSettings base, String name);

  /**
   * Empties the given tables and restarts their id sequences at 1, ignoring foreign keys between
   * them (between tests).
   */
  void flush(SqlExecutor executor, java.util.List<String> tables);

  /**
   * Restarts a table's id sequence after rows were inserted with explicit ids, so the next
   * generated id is max(id) + 1 (fixtures).
   */
  void resetSequence(SqlExecutor executor, String table, String pkColumn);

  /** Drops what {@link #create} made. */
  void destroy(DatabaseSettings base, DatabaseSettings created);
}
