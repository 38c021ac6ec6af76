package io.vibevault.orm.backend.sqlite;

import com.zaxxer.hikari.HikariConfig;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.DatabaseClient;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.InitializingDataSource;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.Pools;
import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.backend.TestDatabases;
import io.vibevault.orm.backend.TransactionMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite through sqlite-jdbc and a HikariCP pool. A file database runs in WAL mode so readers never
 * wait for the writer; {@code sqlite::memory:} is one shared database on a single connection that
 * the pool never retires. Every connection enforces foreign keys, waits up to 5 s for a lock,
 * starts write transactions with {@code BEGIN IMMEDIATE}, keeps LIKE case-sensitive and carries the
 * Java functions of {@link SqliteFunctions} and aggregates of {@link SqliteAggregates}.
 *
 * <pre>{@code
 * Backend backend = new SqliteBackend();
 * DataSource pool = backend.createDataSource(DatabaseSettings.parse("sqlite:vv.sqlite3"), "vv");
 * }</pre>
 */
public final class SqliteBackend implements Backend {
  private static final int BUSY_TIMEOUT_MS = 5000;

  private final SqliteOperations operations = new SqliteOperations();
  private final SqliteFeatures features = new SqliteFeatures();
  private final SqliteTestDatabases testDatabases = new SqliteTestDatabases();

  @Override
  public String vendor() {
    return "sqlite";
  }

  @Override
  public DataSource createDataSource(DatabaseSettings settings, String poolName) {
    Properties driverOptions = new Properties();
    driverOptions.putAll(settings.options());
    SQLiteConfig config = new SQLiteConfig(driverOptions);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enableCaseSensitiveLike(true);
    if (!settings.isMemory()) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    // temp_store stays SQLite's default (files): MEMORY kept bulkCreate's statement journals off
    // the disk, but made the temporary B-tree of a GROUP BY over 200,000 rows three to four times
    // slower. A URL may still name it (?temp_store=MEMORY).
    SQLiteDataSource driver = new SQLiteDataSource(config);
    driver.setUrl("jdbc:sqlite:" + settings.name());

    HikariConfig pool =
        Pools.config(settings, poolName, new InitializingDataSource(driver, this::initConnection));
    if (settings.isMemory()) {
      // Every new connection to :memory: is a new, empty database: keep exactly one, forever.
      pool.setMaximumPoolSize(1);
      pool.setMinimumIdle(1);
      pool.setMaxLifetime(0);
      pool.setIdleTimeout(0);
    }
    return Pools.open(pool, operations);
  }

  @Override
  public void initConnection(Connection connection) throws SQLException {
    SqliteFunctions.register(connection);
    SqliteAggregates.register(connection);
    try (Statement s = connection.createStatement()) {
      // Also set by the driver's config; repeated so a connection made elsewhere gets them too.
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      s.execute("PRAGMA case_sensitive_like = ON");
    }
  }

  @Override
  public void beginTransaction(Connection connection, TransactionMode mode) throws SQLException {
    driverConfig(connection)
        .setTransactionMode(
            mode == TransactionMode.DEFERRED
                ? SQLiteConfig.TransactionMode.DEFERRED
                : SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      // sqlite-jdbc turns its autocommit flag off before BEGIN runs: a BEGIN IMMEDIATE that failed
      // (SQLITE_BUSY under load) would leave the connection claiming a transaction that does not
      // exist, and the pool's reset would then fail with "cannot commit - no transaction is
      // active" instead of the caller seeing the busy error.
      driverConfig(connection).setAutoCommit(true);
      throw e;
    }
  }

  /**
   * sqlite-jdbc's {@code commit()} and {@code rollback()} begin the next transaction at once; an
   * IMMEDIATE one takes the write lock again, waiting for it behind other writers and failing with
   * SQLITE_BUSY after a commit that succeeded. A DEFERRED begin takes no lock, and going back to
   * autocommit ends it.
   */
  @Override
  public void endTransaction(Connection connection, boolean commit) throws SQLException {
    SQLiteConnectionConfig config = driverConfig(connection);
    config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
    try {
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    } finally {
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
  }

  private static SQLiteConnectionConfig driverConfig(Connection connection) throws SQLException {
    return connection.unwrap(SQLiteConnection.class).getConnectionConfig();
  }

  @Override
  public Operations operations() {
    return operations;
  }

  @Override
  public Features features() {
    return features;
  }

  @Override
  public SchemaEditor schemaEditor(SqlExecutor executor) {
    return new SqliteSchemaEditor(executor, operations);
  }

  @Override
  public io.vibevault.orm.backend.Introspection introspection(SqlExecutor executor) {
    return new SqliteIntrospection(executor);
  }

  @Override
  public DatabaseClient client() {
    return new SqliteClient();
  }

  @Override
  public TestDatabases testDatabases() {
    return testDatabases;
  }
}
