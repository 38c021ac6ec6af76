package io.vibevault.orm.backend.postgresql;

import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.backend.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Test databases on PostgreSQL are schemas of the configured database: cheap to create, dropped
 * with everything in them, and reached through the {@code currentSchema} option.
 *
 * <pre>{@code
 * DatabaseSettings isolated = backend.testDatabases().create(settings, "vv_test_1a2b");
 * isolated.options().get("currentSchema");   // "vv_test_1a2b"
 * }</pre>
 */
public final class PostgresqlTestDatabases implements TestDatabases {
  private static final String DUPLICATE_SCHEMA = "42P06";

  private final PostgresqlBackend backend;

  PostgresqlTestDatabases(PostgresqlBackend backend) {
    this.backend = backend;
  }

  @Override
  public DatabaseSettings create(DatabaseSettings base, String name) {
    String schema = backend.operations().quoteName(name);
    run(
        base,
        s -> {
          try {
            s.execute("CREATE SCHEMA " + schema);
          } catch (SQLException e) {
            if (!DUPLICATE_SCHEMA.equals(e.getSQLState())) {
              throw e;
            }
            // Left over by a test run that died: start again from nothing, as Django does.
            s.execute("DROP SCHEMA " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
          }
        },
        "CREATE SCHEMA " + schema);
    return base.withOption("currentSchema", name);
  }

  @Override
  public void destroy(DatabaseSettings base, DatabaseSettings created) {
    String name = created.options().get("currentSchema");
    if (name == null || name.equals(base.options().get("currentSchema"))) {
      return;
    }
    String sql = "DROP SCHEMA IF EXISTS " + backend.operations().quoteName(name) + " CASCADE";
    run(base, s -> s.execute(sql), sql);
  }

  @Override
  public void flush(SqlExecutor executor, List<String> tables) {
    if (tables.isEmpty()) {
      return;
    }
    List<String> quoted = tables.stream().map(backend.operations()::quoteName).toList();
    executor.execute(
        "TRUNCATE " + String.join(", ", quoted) + " RESTART IDENTITY CASCADE", List.of());
  }

  @Override
  public void resetSequence(SqlExecutor executor, String table, String pkColumn) {
    String t = backend.operations().quoteName(table);
    String pk = backend.operations().quoteName(pkColumn);
    executor.query(
        "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX("
            + pk
            + "), 1), MAX("
            + pk
            + ") IS NOT NULL) FROM "
            + t,
        List.of(t, pkColumn));
  }

  private interface Work {
    void run(Statement statement) throws SQLException;
  }

  /** A short-lived connection of its own: the pool may not exist, or reach another schema. */
  private void run(DatabaseSettings base, Work work, String sql) {
    try (Connection c = backend.driverDataSource(base).getConnection();
        Statement s = c.createStatement()) {
      work.run(s);
    } catch (SQLException e) {
      throw backend.operations().translate(e, sql);
    }
  }
}
