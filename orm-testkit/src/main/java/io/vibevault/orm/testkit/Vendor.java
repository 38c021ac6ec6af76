package io.vibevault.orm.testkit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The databases a test can run on, by the names used in {@code VIBEVAULT_TEST_DATABASES}, in
 * display names ({@code [mariadb]}) and in {@link OnlyOn} / {@link SkipOn}.
 */
enum Vendor {
  SQLITE("sqlite", "sqlite", "VIBEVAULT_TEST_SQLITE_URL"),
  POSTGRESQL("postgresql", "postgresql", "VIBEVAULT_TEST_POSTGRESQL_URL"),
  // MariaDB is a flavour of the MySQL backend, so its settings carry the vendor "mysql".
  MARIADB("mariadb", "mysql", "VIBEVAULT_TEST_MARIADB_URL");

  private final String label;
  private final String backendVendor;
  private final String urlVariable;

  Vendor(String label, String backendVendor, String urlVariable) {
    this.label = label;
    this.backendVendor = backendVendor;
    this.urlVariable = urlVariable;
  }

  /** {@code sqlite}, {@code postgresql} or {@code mariadb}. */
  String label() {
    return label;
  }

  /** The vendor of the backend serving it ({@code DatabaseSettings.vendor()}). */
  String backendVendor() {
    return backendVendor;
  }

  /** The environment variable that overrides {@link #defaultUrl()}. */
  String urlVariable() {
    return urlVariable;
  }

  /** Whether a server must answer before tests run on it. */
  boolean isServer() {
    return this != SQLITE;
  }

  /** The development machines' database (DESIGN.md), or a file in the temporary directory. */
  String defaultUrl() {
    return switch (this) {
      case SQLITE ->
          "sqlite:" + Path.of(System.getProperty("java.io.tmpdir"), "vibevault-test.sqlite3");
      case POSTGRESQL -> "postgresql://postgres@127.0.0.1:5432/test";
      case MARIADB -> "mariadb://root@127.0.0.1:3306/test";
    };
  }

  /** The vendor with this label (any case), or an error listing the valid labels. */
  static Vendor named(String name, String where) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (Vendor v : values()) {
      if (v.label.equals(wanted)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        where + " names an unknown database '" + name.strip() + "'; use " + labels());
  }

  /** {@code sqlite, postgresql, mariadb}. */
  static String labels() {
    return Arrays.stream(values()).map(Vendor::label).collect(Collectors.joining(", "));
  }
}
