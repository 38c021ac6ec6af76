package io.vibevault.orm.execution;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.BackendProvider;
import io.vibevault.orm.backend.DatabaseSettings;
import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The configured aliases (Django's {@code connections}): for each, its settings, backend, pool, and
 * one {@link DatabaseConnection} per thread. Reached through {@code io.vibevault.orm.Database}.
 */
public final class ConnectionHandler {
  private static final ConnectionHandler INSTANCE = new ConnectionHandler();

  private static final class Alias {
    final DatabaseSettings settings;
    final Backend backend;
    final DataSource dataSource;
    final ThreadLocal<DatabaseConnection> perThread;

    Alias(String name, DatabaseSettings settings) {
      this.settings = settings;
      this.backend = BackendProvider.forSettings(settings);
      this.dataSource = backend.createDataSource(settings, "vibevault-" + name);
      this.perThread =
          ThreadLocal.withInitial(() -> new DatabaseConnection(name, backend, dataSource));
    }
  }

  private final Map<String, Alias> aliases = new LinkedHashMap<>();
  private final Map<String, String> links = new java.util.concurrent.ConcurrentHashMap<>();

  public static ConnectionHandler get() {
    return INSTANCE;
  }

  /** Configures (or replaces) an alias; a replaced alias's pool is closed. */
  public synchronized void configure(String alias, DatabaseSettings settings) {
    Alias old = aliases.put(alias, new Alias(alias, settings));
    if (old != null) {
      closePool(old);
    }
  }

  /**
   * Makes {@code alias} use another alias's pool and per-thread connections until unlinked (test
   * kits switch {@code default} between databases this way without rebuilding pools).
   */
  public synchronized void link(String alias, String target) {
    require(target);
    links.put(alias, target);
  }

  /** Removes a link made by {@link #link}. */
  public synchronized void unlink(String alias) {
    links.remove(alias);
  }

  /** Removes an alias and closes its pool. */
  public synchronized void remove(String alias) {
    Alias old = aliases.remove(alias);
    if (old != null) {
      closePool(old);
    }
  }

  public synchronized boolean isConfigured(String alias) {
    return aliases.containsKey(alias) || links.containsKey(alias);
  }

  public synchronized Set<String> aliases() {
    return Set.copyOf(aliases.keySet());
  }

  public synchronized DatabaseSettings settings(String alias) {
    return require(alias).settings;
  }

  public synchronized Backend backend(String alias) {
    return require(alias).backend;
  }

  /** The pool behind the alias (a linked alias: its target's). */
  public synchronized DataSource dataSource(String alias) {
    return require(alias).dataSource;
  }

  /** This thread's connection for the alias. */
  public DatabaseConnection connection(String alias) {
    Alias a;
    synchronized (this) {
      a = require(alias);
    }
    return a.perThread.get();
  }

  private Alias require(String alias) {
    String target = links.get(alias);
    Alias a = aliases.get(target != null ? target : alias);
    if (a == null) {
      throw new IllegalStateException(
          "Database alias '"
              + alias
              + "' is not configured (configured: "
              + aliases.keySet()
              + "). Call Database.configure(\""
              + alias
              + "\", url) or set VIBEVAULT_DATABASE_URL.");
    }
    return a;
  }

  /** Closes every pool. */
  public synchronized void closeAll() {
    for (Alias a : aliases.values()) {
      closePool(a);
    }
    aliases.clear();
  }

  private static void closePool(Alias a) {
    if (a.dataSource instanceof Closeable c) {
      try {
        c.close();
      } catch (IOException ignored) {
        // Closing a pool that is already closed.
      }
    }
  }

  /** Runs an action capturing the statements it sends on this thread. */
  public static java.util.List<CapturedQuery> capture(Runnable action) {
    return QueryLog.capture(action);
  }

  /** Adds a listener that sees every statement on every thread; returns its remover. */
  public static Runnable listen(java.util.function.Consumer<CapturedQuery> listener) {
    return QueryLog.listen(listener);
  }
}
