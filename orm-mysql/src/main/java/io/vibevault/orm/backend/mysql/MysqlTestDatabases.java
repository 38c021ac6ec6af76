package io.vibevault.orm.backend.mysql;

import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.backend.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Test databases on MySQL/MariaDB are databases of their own on the same server, created in utf8mb4
 * with the binary NO PAD collation.
 *
 * <pre>{@code
 * DatabaseSettings isolated = backend.testDatabases().create(settings, "vv_test_1a2b");
 * isolated.name();   // "vv_test_1a2b"
 * }</pre>
 */
public final class MysqlTestDatabases implements TestDatabases {
  private static final int DATABASE_EXISTS = 1007;

  private final MysqlBackend backend;

  MysqlTestDatabases(MysqlBackend backend) {
    this.backend = backend;
  }

  @Override
  public DatabaseSettings create(DatabaseSettings base, String name) {
    if (name.equals(base.name())) {
      throw new IllegalArgumentException("A test database must not be the configured one: " + name);
    }
    String db = backend.operations().quoteName(name);
    try (Connection c = backend.driverDataSource(base).getConnection();
        Statement s = c.createStatement()) {
      String create =
          "CREATE DATABASE "
              + db
              + " CHARACTER SET utf8mb4 COLLATE "
              + MysqlFlavour.parse(c.getMetaData().getDatabaseProductVersion()).collation();
      try {
        s.execute(create);
      } catch (SQLException e) {
        if (e.getErrorCode() != DATABASE_EXISTS) {
          throw e;
        }
        // Left over by a test run that died: start again from nothing, as Django does.
        s.execute("DROP DATABASE " + db);
        s.execute(create);
      }
    } catch (SQLException e) {
      throw backend.operations().translate(e, "CREATE DATABASE " + db);
    }
    return base.withName(name);
  }

  @Override
  public void destroy(DatabaseSettings base, DatabaseSettings created) {
    if (created.name().equals(base.name())) {
      return;
    }
    String sql = "DROP DATABASE IF EXISTS " + backend.operations().quoteName(created.name());
    try (Connection c = backend.driverDataSource(base).getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw backend.operations().translate(e, sql);
    }
  }

  @Override
  public void flush(SqlExecutor executor, List<String> tables) {
    if (tables.isEmpty()) {
      return;
    }
    executor.onOneConnection(
        () -> {
          // TRUNCATE refuses a table that other tables reference unless checks are off, and the
          // setting lives in the session: the same connection must run everything.
          executor.execute("SET FOREIGN_KEY_CHECKS = 0", List.of());
          try {
            for (String table : tables) {
              executor.execute(
                  "TRUNCATE TABLE " + backend.operations().quoteName(table), List.of());
            }
          } finally {
            executor.execute("SET FOREIGN_KEY_CHECKS = 1", List.of());
          }
        });
  }

  @Override
  public void resetSequence(SqlExecutor executor, String table, String pkColumn) {
    String t = backend.operations().quoteName(table);
    List<Object[]> rows =
        executor.query(
            "SELECT COALESCE(MAX("
                + backend.operations().quoteName(pkColumn)
                + "), 0) + 1 FROM "
                + t,
            List.of());
    long next = ((Number) rows.get(0)[0]).longValue();
    // DDL takes no parameters; the number comes from the database, not from input.
    executor.execute("ALTER TABLE " + t + " AUTO_INCREMENT = " + next, List.of());
  }
}
