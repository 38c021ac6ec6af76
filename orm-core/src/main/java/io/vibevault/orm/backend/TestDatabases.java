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

  /** Drops what {@link #create} made. */
  void destroy(DatabaseSettings base, DatabaseSettings created);
}
