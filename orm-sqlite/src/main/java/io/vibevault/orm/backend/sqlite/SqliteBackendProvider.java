package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.BackendProvider;
import io.vibevault.orm.backend.DatabaseSettings;

/**
 * Registers the SQLite backend with {@link java.util.ServiceLoader} for {@code sqlite:} URLs.
 *
 * <pre>{@code
 * Backend b = BackendProvider.forSettings(DatabaseSettings.parse("sqlite::memory:"));
 * b.vendor();   // "sqlite"
 * }</pre>
 */
public final class SqliteBackendProvider implements BackendProvider {
  @Override
  public String vendor() {
    return "sqlite";
  }

  @Override
  public Backend create(DatabaseSettings settings) {
    return new SqliteBackend();
  }
}
