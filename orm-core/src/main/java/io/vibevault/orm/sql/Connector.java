package io.vibevault.orm.sql;

import io.vibevault.orm.exception.ArgumentError;
import java.util.Locale;

/**
 * How the children of a condition combine. A keyword position: strings parse into this enum.
 *
 * <pre>{@code
 * Connector.parse("OR");
 * }</pre>
 */
public enum Connector {
  AND,
  OR,
  XOR;

  public static Connector parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ArgumentError(
          "Invalid connector " + io.vibevault.orm.exception.FieldError.quote(name));
    }
  }
}
