package io.vibevault.orm.backend;

import io.vibevault.orm.exception.ArgumentError;
import java.util.Locale;

/**
 * A part of a date or time that can be extracted ({@code createdAt__year}, {@code ExtractMonth}). A
 * keyword position: strings are parsed into this enum, never passed through.
 *
 * <pre>{@code
 * DatePart.parse("week_day");  // WEEK_DAY (1 = Sunday ... 7 = Saturday, as Django)
 * }</pre>
 */
public enum DatePart {
  YEAR,
  ISO_YEAR,
  QUARTER,
  MONTH,
  WEEK,
  DAY,
  WEEK_DAY,
  ISO_WEEK_DAY,
  HOUR,
  MINUTE,
  SECOND;

  /** The lookup name: {@code year}, {@code iso_year}, {@code week_day}, ... */
  public String lookupName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a lookup name exactly ({@code year}, {@code week_day}); anything else is refused. */
  public static DatePart parse(String name) {
    for (DatePart p : values()) {
      if (p.lookupName().equals(name)) {
        return p;
      }
    }
    throw new ArgumentError(
        "Invalid date part " + io.vibevault.orm.exception.FieldError.quote(name));
  }

  /** Whether the part exists for a DATE column (hour, minute, second do not). */
  public boolean appliesToDate() {
    return this != HOUR && this != MINUTE && this != SECOND;
  }
}
