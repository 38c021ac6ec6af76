package io.vibevault.orm.backend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The text and number forms Django gives values that a database has no native type for, shared by
 * the backends' value binding, reading and SQL literals so that every backend stores the same text.
 *
 * <pre>{@code
 * ValueFormats.formatDateTime(Instant.parse("2024-05-01T10:00:00.5Z"));  // 2024-05-01 10:00:00.500000
 * ValueFormats.uuidHex(UUID.fromString("12345678-1234-1234-1234-123456789abc"));
 * }</pre>
 */
public final class ValueFormats {
  private ValueFormats() {}

  /** Truncates to microseconds, the precision every backend stores. */
  public static Instant truncateToMicros(Instant i) {
    return i.truncatedTo(ChronoUnit.MICROS);
  }

  /** {@code YYYY-MM-DD HH:MM:SS[.ffffff]} in UTC, Django's text form of a date-time. */
  public static String formatDateTime(Instant i) {
    LocalDateTime t = LocalDateTime.ofInstant(truncateToMicros(i), ZoneOffset.UTC);
    return t.toLocalDate() + " " + formatTime(t.toLocalTime());
  }

  /** {@code HH:MM:SS[.ffffff]}, microseconds only when not zero (Python's isoformat). */
  public static String formatTime(LocalTime t) {
    String base = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int micros = t.getNano() / 1000;
    return micros == 0 ? base : base + String.format(".%06d", micros);
  }

  /** Parses the text form of a date-time; an explicit offset is honoured, none means UTC. */
  public static Instant parseDateTime(String text) {
    String s = text.strip().replace(' ', 'T');
    if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
      return OffsetDateTime.parse(s).toInstant();
    }
    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
  }

  /** Whole microseconds of a duration (floor), failing on overflow rather than wrapping. */
  public static long micros(Duration d) {
    return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
  }

  /** The duration of a number of microseconds, the inverse of {@link #micros}. */
  public static Duration durationOfMicros(long micros) {
    return Duration.ofSeconds(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /** 32 lower-case hex digits, Django's text form of a UUID without a native type. */
  public static String uuidHex(UUID u) {
    return u.toString().replace("-", "");
  }

  /** Reads a UUID from its 32 hex digits (dashes allowed), the inverse of {@link #uuidHex}. */
  public static UUID uuidFromHex(String hex) {
    String h = hex.replace("-", "");
    if (h.length() != 32) {
      throw new IllegalArgumentException("Not a UUID: " + hex);
    }
    return new UUID(
        Long.parseUnsignedLong(h.substring(0, 16), 16),
        Long.parseUnsignedLong(h.substring(16), 16));
  }
}
