package io.vibevault.orm.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The HikariCP pool every backend puts in front of its driver: named, sized and timed from the
 * settings, in autocommit, and failing to start with the ORM's own exception rather than Hikari's.
 * A backend that needs more (a single connection kept forever, say) adjusts the config between
 * {@link #config} and {@link #open}.
 *
 * <pre>{@code
 * HikariConfig pool = Pools.config(settings, poolName, driverDataSource(settings));
 * DataSource dataSource = Pools.open(pool, operations());
 * }</pre>
 */
public final class Pools {
  private Pools() {}

  /** A pool config over {@code driver}, with the settings' pool size and connection timeout. */
  public static HikariConfig config(DatabaseSettings settings, String poolName, DataSource driver) {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName(poolName);
    pool.setDataSource(driver);
    pool.setMaximumPoolSize(settings.poolSize());
    pool.setConnectionTimeout(settings.poolTimeoutMs());
    pool.setAutoCommit(true);
    return pool;
  }

  /**
   * Starts the pool. Hikari opens a first connection at once; when the driver refuses it, the
   * caller gets the same exception a failing query would give (wrong password, unknown database).
   */
  public static DataSource open(HikariConfig pool, Operations operations) {
    try {
      return new HikariDataSource(pool);
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw operations.translate(cause, null);
      }
      throw e;
    }
  }

  /** {@link #config} and {@link #open} in one, for a backend that needs nothing else. */
  public static DataSource open(
      DatabaseSettings settings, String poolName, DataSource driver, Operations operations) {
    return open(config(settings, poolName, driver), operations);
  }
}
