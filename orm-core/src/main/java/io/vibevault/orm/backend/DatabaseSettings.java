package io.vibevault.orm.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of one database alias, parsed from a URL or from properties:
 *
 * <ul>
 *   <li>{@code sqlite:path/to/file.sqlite3}, {@code sqlite::memory:}
 *   <li>{@code postgresql://user:password@host:port/name?option=value}
 *   <li>{@code mariadb://...} or {@code mysql://...}
 * </ul>
 *
 * Options after {@code ?} go to the driver, except {@code poolSize} and {@code poolTimeoutMs} which
 * configure the pool.
 *
 * <pre>{@code
 * DatabaseSettings s = DatabaseSettings.parse("postgresql://postgres@127.0.0.1:5432/test");
 * s.vendor();  // "postgresql"
 * }</pre>
 */
public record DatabaseSettings(
    String vendor,
    String host,
    int port,
    String name,
    String user,
    String password,
    Map<String, String> options,
    int poolSize,
    long poolTimeoutMs) {

  public DatabaseSettings {
    options = Map.copyOf(options);
  }

  /** Parses a database URL. */
  public static DatabaseSettings parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Empty database URL");
    }
    int colon = url.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Database URL needs a scheme: " + redact(url));
    }
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
    String vendor = vendorOf(scheme);
    if (vendor.equals("sqlite")) {
      String rest = url.substring(colon + 1);
      Map<String, String> options = new LinkedHashMap<>();
      int q = rest.indexOf('?');
      if (q >= 0) {
        options.putAll(query(rest.substring(q + 1)));
        rest = rest.substring(0, q);
      }
      if (rest.startsWith("//")) {
        rest = rest.substring(2);
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("SQLite URL needs a path or :memory: " + url);
      }
      return build(vendor, "", 0, rest, "", "", options);
    }
    try {
      URI uri = new URI(url);
      String user = "";
      String password = "";
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : "";
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String name = decode(path.startsWith("/") ? path.substring(1) : path);
      int port = uri.getPort() > 0 ? uri.getPort() : (vendor.equals("postgresql") ? 5432 : 3306);
      String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
      return build(vendor, host, port, name, user, password, query(uri.getRawQuery()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Malformed database URL: " + redact(url), e);
    }
  }

  /** Reads {@code url} or the separate keys {@code vendor, host, port, name, user, password}. */
  public static DatabaseSettings fromProperties(Properties p) {
    String url = p.getProperty("url");
    if (url != null) {
      return parse(url);
    }
    String vendor = vendorOf(p.getProperty("vendor", "sqlite"));
    Map<String, String> options = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("options.")) {
        options.put(key.substring("options.".length()), p.getProperty(key));
      }
    }
    int defaultPort = vendor.equals("postgresql") ? 5432 : vendor.equals("mysql") ? 3306 : 0;
    return build(
        vendor,
        p.getProperty("host", vendor.equals("sqlite") ? "" : "127.0.0.1"),
        Integer.parseInt(p.getProperty("port", String.valueOf(defaultPort))),
        p.getProperty("name", ""),
        p.getProperty("user", ""),
        p.getProperty("password", ""),
        options);
  }

  private static DatabaseSettings build(
      String vendor,
      String host,
      int port,
      String name,
      String user,
      String password,
      Map<String, String> options) {
    Map<String, String> driver = new LinkedHashMap<>(options);
    int poolSize = Integer.parseInt(driver.getOrDefault("poolSize", "10"));
    long timeout = Long.parseLong(driver.getOrDefault("poolTimeoutMs", "30000"));
    driver.remove("poolSize");
    driver.remove("poolTimeoutMs");
    return new DatabaseSettings(
        vendor, host, port, name, user, password, driver, poolSize, timeout);
  }

  private static String vendorOf(String scheme) {
    return switch (scheme) {
      case "sqlite", "sqlite3" -> "sqlite";
      case "postgresql", "postgres", "pgsql" -> "postgresql";
      case "mysql", "mariadb" -> "mysql";
      default ->
          throw new IllegalArgumentException(
              "Unknown database scheme '" + scheme + "' (sqlite, postgresql, mariadb, mysql)");
    };
  }

  /** Whether this is an in-memory SQLite database. */
  public boolean isMemory() {
    return vendor.equals("sqlite") && name.equals(":memory:");
  }

  /** A copy with another database name (test databases). */
  public DatabaseSettings withName(String newName) {
    return new DatabaseSettings(
        vendor, host, port, newName, user, password, options, poolSize, poolTimeoutMs);
  }

  /** A copy with one more driver option. */
  public DatabaseSettings withOption(String key, String value) {
    Map<String, String> o = new LinkedHashMap<>(options);
    o.put(key, value);
    return new DatabaseSettings(
        vendor, host, port, name, user, password, o, poolSize, poolTimeoutMs);
  }

  /** A copy with another pool size. */
  public DatabaseSettings withPoolSize(int size) {
    return new DatabaseSettings(
        vendor, host, port, name, user, password, options, size, poolTimeoutMs);
  }

  /** The URL without the password, for logs and messages. */
  @Override
  public String toString() {
    if (vendor.equals("sqlite")) {
      return "sqlite:" + name;
    }
    return vendor + "://" + (user.isEmpty() ? "" : user + "@") + host + ":" + port + "/" + name;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String redact(String url) {
    return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
  }
}
