package io.vibevault.orm.backend.postgresql;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.BackendProvider;
import io.vibevault.orm.backend.DatabaseSettings;

/**
 * Registers the PostgreSQL backend with {@link java.util.ServiceLoader} for {@code postgresql://}
 * URLs.
 *
 * <pre>{@code
 * Backend b = BackendProvider.forSettings(DatabaseSettings.parse("postgresql://127.0.0.1/test"));
 * b.vendor();   // "postgresql"
 * }</pre>
 */
public final class PostgresqlBackendProvider implements BackendProvider {
  @Override
  public String vendor() {
    return "postgresql";
  }

  @Override
  public Backend create(DatabaseSettings settings) {
    return new PostgresqlBackend();
  }
}
