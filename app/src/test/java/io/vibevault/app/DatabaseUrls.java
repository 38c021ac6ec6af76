package io.vibevault.app;

import io.vibevault.orm.backend.DatabaseSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URL of a test database, for commands and child processes that take one. */
public final class DatabaseUrls {
  private DatabaseUrls() {}

  /** The URL of {@code s} (with its options, e.g. PostgreSQL's schema). */
  public static String of(DatabaseSettings s) {
    if (s.vendor().equals("sqlite")) {
      return "sqlite:" + s.name();
    }
    StringBuilder url = new StringBuilder(s.vendor()).append("://");
    if (!s.user().isEmpty()) {
      url.append(enc(s.user()));
      if (s.password() != null && !s.password().isEmpty()) {
        url.append(':').append(enc(s.password()));
      }
      url.append('@');
    }
    url.append(s.host()).append(':').append(s.port()).append('/').append(s.name());
    String sep = "?";
    for (var e : s.options().entrySet()) {
      url.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
      sep = "&";
    }
    return url.toString();
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
