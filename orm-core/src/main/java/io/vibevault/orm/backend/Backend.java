package io.vibevault.orm.backend;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One configured database vendor for one alias: how to connect, what it can do, the SQL it writes,
 * its schema editor and its test databases. Created by a {@link BackendProvider}.
 *
 * <pre>{@code
 * Backend backend = BackendProvider.forSettings(settings);
 * backend.operations().quoteName("memories");
 * }</pre>
 */
public interface Backend {
  /** {@code sqlite}, {@code postgresql} or {@code mysql}. */
  String vendor();

  /** The pooled data source for these settings (HikariCP, the driver configured safely). */
  DataSource createDataSource(DatabaseSettings settings, String poolName);

  /** Called once on every new physical connection (pragmas, session settings, functions). */
  void initConnection(Connection connection) throws SQLException;

  Operations operations();

  Features features();

  /** A schema editor running its DDL through {@code executor}. */
  SchemaEditor schemaEditor(SqlExecutor executor);

  /** Creating and dropping isolated test databases. */
  TestDatabases testDatabases();
}
