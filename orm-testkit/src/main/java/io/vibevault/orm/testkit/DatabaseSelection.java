package io.vibevault.orm.testkit;

import io.vibevault.orm.backend.DatabaseSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which databases {@code @DbTest} methods run on, read from {@value #VARIABLE} and the URL
 * variables. When {@value #VARIABLE} is set, exactly those databases run and each is required; when
 * it is unset, SQLite is required and the servers run only if they answer.
 *
 * <p>Every variable may also come from the JUnit configuration parameter of the same name in lower
 * case with dots ({@code vibevault.test.databases}, {@code vibevault.test.postgresql.url}); the
 * environment variable wins, so a properties file can never narrow what CI asks for.
 */
final class DatabaseSelection {
  /** The comma list of databases to require. */
  static final String VARIABLE = "VIBEVAULT_TEST_DATABASES";

  /** One database to run on: where it is, and whether failing to reach it fails the run. */
  record Target(Vendor vendor, DatabaseSettings settings, boolean required) {
    /** {@code [postgresql]}, the display name of an invocation. */
    String displayName() {
      return "[" + vendor.label() + "]";
    }
  }

  private final List<Target> targets;
  private final boolean explicit;

  private DatabaseSelection(List<Target> targets, boolean explicit) {
    this.targets = List.copyOf(targets);
    this.explicit = explicit;
  }

  /** The selection from the environment, falling back to JUnit configuration parameters. */
  static DatabaseSelection resolve(Function<String, Optional<String>> configurationParameter) {
    return parse(
        name -> {
          String value = System.getenv(name);
          if (value != null && !value.isBlank()) {
            return value;
          }
          return configurationParameter.apply(parameterName(name)).orElse(null);
        });
  }

  /**
   * The selection from a lookup of variables by name ({@code null} or blank meaning unset), for
   * tests of the parsing itself.
   */
  static DatabaseSelection parse(Function<String, String> variables) {
    String list = blankToNull(variables.apply(VARIABLE));
    boolean explicit = list != null;
    List<Target> targets = new ArrayList<>();
    for (Vendor vendor : explicit ? parseList(list) : EnumSet.allOf(Vendor.class)) {
      String url = blankToNull(variables.apply(vendor.urlVariable()));
      DatabaseSettings settings = settings(vendor, url == null ? vendor.defaultUrl() : url.strip());
      targets.add(new Target(vendor, settings, explicit || !vendor.isServer()));
    }
    return new DatabaseSelection(targets, explicit);
  }

  /** The databases to run on, in the order given (or sqlite, postgresql, mariadb). */
  List<Target> targets() {
    return targets;
  }

  /** Whether {@value #VARIABLE} chose the databases. */
  boolean isExplicit() {
    return explicit;
  }

  /** {@code VIBEVAULT_TEST_DATABASES} → {@code vibevault.test.databases}. */
  static String parameterName(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Set<Vendor> parseList(String list) {
    Set<Vendor> vendors = new LinkedHashSet<>();
    for (String name : list.split(",")) {
      if (!name.isBlank()) {
        vendors.add(Vendor.named(name, VARIABLE + "=" + list));
      }
    }
    if (vendors.isEmpty()) {
      throw new IllegalArgumentException(
          VARIABLE + "='" + list + "' names no database; use a comma list of " + Vendor.labels());
    }
    return vendors;
  }

  private static DatabaseSettings settings(Vendor vendor, String url) {
    DatabaseSettings settings;
    try {
      settings = DatabaseSettings.parse(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(vendor.urlVariable() + ": " + e.getMessage(), e);
    }
    if (!settings.vendor().equals(vendor.backendVendor())) {
      throw new IllegalArgumentException(
          vendor.urlVariable()
              + " must be a "
              + vendor.label()
              + " URL, not "
              + settings
              + " (a "
              + settings.vendor()
              + " URL)");
    }
    return settings;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
