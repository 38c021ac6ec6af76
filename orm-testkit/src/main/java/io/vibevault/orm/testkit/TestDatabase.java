package io.vibevault.orm.testkit;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.Features;
import io.vibevault.orm.execution.ConnectionHandler;
import io.vibevault.orm.execution.DatabaseConnection;
import java.util.List;

/**
 * The isolated database one {@link DbTest} invocation runs on. Declare it as a parameter of the
 * test method (or of a {@code @BeforeEach} method) to learn which database this is and to reach it
 * directly; ORM code needs nothing, since {@code "default"} already points at it.
 *
 * <pre>{@code
 * @DbTest
 * void countsOnEveryDatabase(TestDatabase db) {
 *   Tag.objects.create(Map.of("name", "travel"));
 *   try (Cursor c = db.connection().cursor()) {
 *     c.execute("SELECT COUNT(*) FROM " + db.backend().operations().quoteName("tags"));
 *     assertEquals(1L, ((Number) c.fetchOne()[0]).longValue());
 *   }
 *   if (db.vendor().equals("postgresql")) { ... }  // prefer @RequiresFeature / @OnlyOn
 * }
 * }</pre>
 *
 * <p>Instances are immutable; {@link #connection()} is this thread's connection, as {@link
 * Database#connection(String)} is.
 */
public final class TestDatabase {
  private final String vendor;
  private final String alias;
  private final DatabaseSettings settings;
  private final List<String> tables;

  TestDatabase(String vendor, String alias, DatabaseSettings settings, List<String> tables) {
    this.vendor = vendor;
    this.alias = alias;
    this.settings = settings;
    this.tables = List.copyOf(tables);
  }

  /** {@code sqlite}, {@code postgresql} or {@code mariadb}: the name in the display name. */
  public String vendor() {
    return vendor;
  }

  /** The alias this database is configured under ({@code test_postgresql_3}). */
  public String alias() {
    return alias;
  }

  /** The settings reaching the isolated database (its name is {@code vv_t_...}). */
  public DatabaseSettings settings() {
    return settings;
  }

  /** The backend serving it. */
  public Backend backend() {
    return ConnectionHandler.get().backend(alias);
  }

  /** What the backend can do; the same object {@link RequiresFeature} asks. */
  public Features features() {
    return backend().features();
  }

  /** This thread's connection to the database, for raw SQL. */
  public DatabaseConnection connection() {
    return Database.connection(alias);
  }

  /** The tables created for the test class (join tables included), flushed after each test. */
  public List<String> tables() {
    return tables;
  }

  @Override
  public String toString() {
    return vendor + " (" + alias + ": " + settings + ")";
  }
}
