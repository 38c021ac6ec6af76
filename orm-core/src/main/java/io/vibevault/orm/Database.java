package io.vibevault.orm;

import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.execution.ConnectionHandler;
import io.vibevault.orm.execution.DatabaseConnection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The databases the ORM talks to, by alias (Django's {@code DATABASES} and {@code connection}).
 * {@code "default"} is used unless a QuerySet says {@code using(alias)}.
 *
 * <pre>{@code
 * Database.configure("default", "sqlite:vibevault.sqlite3");
 * Database.configure("replica", "postgresql://app@db.internal:5432/vault");
 * try (Cursor c = Database.connection().cursor()) {
 *   c.execute("SELECT COUNT(*), media_type FROM memories GROUP BY media_type");
 *   List<Object[]> rows = c.fetchAll();
 * }
 * List<CapturedQuery> ran = Database.captureQueries(() -> Memory.objects.count());
 * }</pre>
 */
public final class Database {
  /** The alias used when none is given. */
  public static final String DEFAULT = "default";

  /** The environment variable read by {@link #configureFromEnvironment()}. */
  public static final String URL_VARIABLE = "VIBEVAULT_DATABASE_URL";

  private Database() {}

  /** Configures an alias from a URL ({@code sqlite:path}, {@code postgresql://...}, ...). */
  public static void configure(String alias, String url) {
    configure(alias, DatabaseSettings.parse(url));
  }

  /** Configures an alias from parsed settings. */
  public static void configure(String alias, DatabaseSettings settings) {
    ConnectionHandler.get().configure(alias, settings);
  }

  /** Configures several aliases at once, each from a URL. */
  public static void configure(Map<String, String> urls) {
    urls.forEach(Database::configure);
  }

  /** Configures {@code default} from {@value #URL_VARIABLE}, or {@code fallbackUrl} when unset. */
  public static void configureFromEnvironment(String fallbackUrl) {
    String url = System.getenv(URL_VARIABLE);
    configure(DEFAULT, url == null || url.isBlank() ? fallbackUrl : url);
  }

  /** This thread's connection to the default database. */
  public static DatabaseConnection connection() {
    return connection(DEFAULT);
  }

  /** This thread's connection to an alias. */
  public static DatabaseConnection connection(String alias) {
    return ConnectionHandler.get().connection(alias);
  }

  /** The configured aliases. */
  public static Set<String> aliases() {
    return ConnectionHandler.get().aliases();
  }

  /**
   * Whether an alias can be used now: configured here, or linked to another alias (as test
   * databases link {@code "default"}).
   */
  public static boolean isConfigured(String alias) {
    return ConnectionHandler.get().isConfigured(alias);
  }

  /** The settings of an alias. */
  public static DatabaseSettings settings(String alias) {
    return ConnectionHandler.get().settings(alias);
  }

  /**
   * The connection pool behind an alias, for code that needs plain JDBC beside the ORM: a library
   * that takes a {@code DataSource}, a tool of the driver's own, a benchmark that must share the
   * ORM's connections. Its connections are the ORM's, initialised the same way (PostgreSQL's
   * session in UTC, SQLite's pragmas), and go back to the pool when closed. What runs on them is
   * outside the ORM: not in {@link #captureQueries}, and not in a {@code Transaction.atomic} block
   * of this thread, which holds a connection of its own; SQL that belongs to the ORM's transaction
   * goes through {@code connection().cursor()}. A pool has a bounded size ({@code sqlite::memory:}
   * is one connection): hold none of its connections while the same thread waits on the ORM.
   *
   * <pre>{@code
   * try (Connection c = Database.dataSource("default").getConnection();
   *     PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM memories")) {
   *   ...
   * }
   * }</pre>
   */
  public static DataSource dataSource(String alias) {
    return ConnectionHandler.get().dataSource(alias);
  }

  /** Runs {@code action} and returns every statement it sent on this thread, in order. */
  public static List<CapturedQuery> captureQueries(Runnable action) {
    return ConnectionHandler.capture(action);
  }

  /** Sees every statement on every thread until the returned remover runs. */
  public static Runnable addQueryListener(Consumer<CapturedQuery> listener) {
    return ConnectionHandler.listen(listener);
  }

  /** Removes an alias and closes its pool. */
  public static void remove(String alias) {
    ConnectionHandler.get().remove(alias);
  }

  /** Closes every pool (at shutdown). */
  public static void closeAll() {
    ConnectionHandler.get().closeAll();
  }
}
