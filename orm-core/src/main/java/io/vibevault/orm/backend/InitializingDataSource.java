package io.vibevault.orm.backend;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The driver's data source with {@code Backend.initConnection} run on every physical connection it
 * opens, so the pool only ever hands out initialised connections. Shared by the backend modules.
 *
 * <pre>{@code
 * config.setDataSource(new InitializingDataSource(driverDataSource, this::initConnection));
 * }</pre>
 */
public final class InitializingDataSource implements DataSource {
  /** The per-connection set-up. */
  @FunctionalInterface
  public interface Initializer {
    void init(Connection connection) throws SQLException;
  }

  private final DataSource target;
  private final Initializer initializer;

  public InitializingDataSource(DataSource target, Initializer initializer) {
    this.target = target;
    this.initializer = initializer;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return initialised(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return initialised(target.getConnection(user, password));
  }

  private Connection initialised(Connection connection) throws SQLException {
    try {
      initializer.init(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target.isWrapperFor(iface);
  }
}
