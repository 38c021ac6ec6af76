package io.vibevault.orm.backend.mysql;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.BackendProvider;
import io.vibevault.orm.backend.DatabaseSettings;

/**
 * Registers the MySQL/MariaDB backend with {@link java.util.ServiceLoader} for {@code mariadb://}
 * and {@code mysql://} URLs.
 *
 * <pre>{@code
 * Backend b = BackendProvider.forSettings(DatabaseSettings.parse("mariadb://root@127.0.0.1/test"));
 * b.vendor();   // "mysql"
 * }</pre>
 */
public final class MysqlBackendProvider implements BackendProvider {
  @Override
  public String vendor() {
    return "mysql";
  }

  @Override
  public Backend create(DatabaseSettings settings) {
    return new MysqlBackend();
  }
}
