package io.vibevault.orm.model;

import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.exception.ValidationError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The storage type of a field: what a backend maps to a column type, and how a Java value becomes
 * the neutral value handed to JDBC and back. Neutral values are {@code Long} (every integer kind),
 * {@code Double}, {@code BigDecimal}, {@code Boolean}, {@code String}, {@code LocalDate}, {@code
 * Instant}, {@code LocalTime}, {@code Duration}, {@code UUID}, {@code byte[]} and {@link JsonText}.
 *
 * <pre>{@code
 * Object neutral = FieldKind.INTEGER.toNeutral("42", "viewCount");   // 42L
 * }</pre>
 */
public enum FieldKind {
  AUTO(Long.class, Integer.MIN_VALUE, Integer.MAX_VALUE),
  BIG_AUTO(Long.class, Long.MIN_VALUE, Long.MAX_VALUE),
  INTEGER(Long.class, Integer.MIN_VALUE, Integer.MAX_VALUE),
  BIG_INTEGER(Long.class, Long.MIN_VALUE, Long.MAX_VALUE),
  SMALL_INTEGER(Long.class, Short.MIN_VALUE, Short.MAX_VALUE),
  POSITIVE_INTEGER(Long.class, 0, Integer.MAX_VALUE),
  FLOAT(Double.class),
  DECIMAL(BigDecimal.class),
  BOOLEAN(Boolean.class),
  CHAR(String.class),
  TEXT(String.class),
  EMAIL(String.class),
  URL(String.class),
  SLUG(String.class),
  FILE(String.class),
  DATE(LocalDate.class),
  DATE_TIME(Instant.class),
  TIME(LocalTime.class),
  DURATION(Duration.class),
  UUID(java.util.UUID.class),
  JSON(JsonText.class),
  BINARY(byte[].class);

  private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,19}");

  private final Class<?> neutralType;
  private final long min;
  private final long max;

  FieldKind(Class<?> neutralType) {
    this(neutralType, 0, 0);
  }

  FieldKind(Class<?> neutralType, long min, long max) {
    this.neutralType = neutralType;
    this.min = min;
    this.max = max;
  }

  /**
   * The kind a bare Java value is bound as when no field gives one (raw SQL, {@code Value(...)}):
   * integers as BIG_INTEGER, text as TEXT, maps and lists as JSON, and so on.
   */
  public static FieldKind infer(Object value) {
    if (value instanceof Choices c) {
      value = c.value();
    }
    if (value == null || value instanceof String || value instanceof Character) {
      return TEXT;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof java.math.BigInteger) {
      return BIG_INTEGER;
    }
    if (value instanceof Double || value instanceof Float) {
      return FLOAT;
    }
    if (value instanceof BigDecimal) {
      return DECIMAL;
    }
    if (value instanceof Boolean) {
      return BOOLEAN;
    }
    if (value instanceof LocalDate) {
      return DATE;
    }
    if (value instanceof Instant
        || value instanceof OffsetDateTime
        || value instanceof ZonedDateTime
        || value instanceof LocalDateTime) {
      return DATE_TIME;
    }
    if (value instanceof LocalTime) {
      return TIME;
    }
    if (value instanceof Duration) {
      return DURATION;
    }
    if (value instanceof java.util.UUID) {
      return UUID;
    }
    if (value instanceof byte[]) {
      return BINARY;
    }
    if (value instanceof Map || value instanceof Collection || value instanceof JsonText) {
      return JSON;
    }
    throw new ValidationError(
        "Cannot bind a value of type " + value.getClass().getName() + "; use a field type");
  }

  /** Converts a bare Java value into its neutral form, by {@link #infer}. */
  public static Object neutral(Object value) {
    return value == null ? null : infer(value).toNeutral(value, "value");
  }

  /** The class of this kind's neutral values. */
  public Class<?> neutralType() {
    return neutralType;
  }

  /** Integer kinds: AUTO, BIG_AUTO and the integer fields. */
  public boolean isInteger() {
    return neutralType == Long.class;
  }

  /** Text kinds: CHAR, TEXT, EMAIL, URL, SLUG, FILE. */
  public boolean isText() {
    return neutralType == String.class;
  }

  /** AUTO and BIG_AUTO: the database assigns the value. */
  public boolean isAuto() {
    return this == AUTO || this == BIG_AUTO;
  }

  /**
   * Converts a Java value into this kind's neutral value, checking its type and range. Strings are
   * parsed strictly where the kind is not text; a Map or List where a scalar belongs, a lone
   * surrogate or a NUL character is a {@link ValidationError} naming {@code fieldName}.
   */
  public Object toNeutral(Object value, String fieldName) {
    if (value == null) {
      return null;
    }
    if (!isPlainScalar(value)) {
      if (value instanceof Choices c) {
        value = c.value();
      }
      if (this != JSON && (value instanceof Map || value instanceof Collection)) {
        throw new ValidationError(
            fieldName, "field '" + fieldName + "' expects a single value, got " + describe(value));
      }
    }
    switch (this) {
      case AUTO, BIG_AUTO, INTEGER, BIG_INTEGER, SMALL_INTEGER, POSITIVE_INTEGER:
        return toLong(value, fieldName);
      case FLOAT:
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        if (value instanceof String s) {
          try {
            return Double.parseDouble(s.strip());
          } catch (NumberFormatException e) {
            throw expected(fieldName, "a number", value);
          }
        }
        throw expected(fieldName, "a number", value);
      case DECIMAL:
        if (value instanceof BigDecimal d) {
          return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
          return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n) {
          return BigDecimal.valueOf(n.doubleValue());
        }
        if (value instanceof String s) {
          try {
            return new BigDecimal(s.strip());
          } catch (NumberFormatException e) {
            throw expected(fieldName, "a decimal number", value);
          }
        }
        throw expected(fieldName, "a decimal number", value);
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b;
        }
        if (value instanceof String s) {
          if (s.equals("true") || s.equals("1")) {
            return true;
          }
          if (s.equals("false") || s.equals("0")) {
            return false;
          }
        }
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
          return n.longValue() == 1;
        }
        throw expected(fieldName, "true or false", value);
      case CHAR, TEXT, EMAIL, URL, SLUG, FILE:
        return checkText(
            value instanceof String s ? s : String.valueOf(value), fieldName); // 0 -> "0"
      case DATE:
        if (value instanceof LocalDate d) {
          return d;
        }
        if (value instanceof LocalDateTime dt) {
          return dt.toLocalDate();
        }
        if (value instanceof String s) {
          try {
            return LocalDate.parse(s);
          } catch (DateTimeParseException e) {
            throw expected(fieldName, "a date (YYYY-MM-DD)", value);
          }
        }
        throw expected(fieldName, "a date", value);
      case DATE_TIME:
        if (value instanceof Instant i) {
          return inDateTimeRange(i, fieldName);
        }
        if (value instanceof OffsetDateTime o) {
          return inDateTimeRange(o.toInstant(), fieldName);
        }
        if (value instanceof ZonedDateTime z) {
          return inDateTimeRange(z.toInstant(), fieldName);
        }
        if (value instanceof LocalDateTime l) {
          return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
          return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof String s) {
          try {
            return OffsetDateTime.parse(s).toInstant();
          } catch (DateTimeParseException e) {
            throw expected(fieldName, "an ISO-8601 date-time with an offset", value);
          }
        }
        throw expected(fieldName, "a date-time", value);
      case TIME:
        // Microseconds, the precision every backend stores (PostgreSQL would round, not cut).
        if (value instanceof LocalTime t) {
          return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        if (value instanceof String s) {
          try {
            return LocalTime.parse(s).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
          } catch (DateTimeParseException e) {
            throw expected(fieldName, "a time (HH:MM[:SS])", value);
          }
        }
        throw expected(fieldName, "a time", value);
      case DURATION:
        if (value instanceof Duration d) {
          return d;
        }
        throw expected(fieldName, "a Duration", value);
      case UUID:
        if (value instanceof java.util.UUID u) {
          return u;
        }
        if (value instanceof String s) {
          try {
            String hex = s.replace("-", "");
            if (hex.length() != 32) {
              throw new IllegalArgumentException();
            }
            return new java.util.UUID(
                Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
          } catch (IllegalArgumentException e) {
            throw expected(fieldName, "a UUID", value);
          }
        }
        throw expected(fieldName, "a UUID", value);
      case JSON:
        if (value instanceof JsonText j) {
          return j;
        }
        JsonText json = JsonText.of(value);
        checkJsonText(json.text(), fieldName);
        return json;
      case BINARY:
        if (value instanceof byte[] b) {
          return b;
        }
        throw expected(fieldName, "bytes", value);
      default:
        throw new AssertionError(this);
    }
  }

  /** The first and last instants with a UTC date-time (years -999,999,999 to 999,999,999). */
  private static final Instant FIRST_DATE_TIME = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);

  private static final Instant LAST_DATE_TIME = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

  /**
   * Every backend binds a date-time as its UTC wall-clock time, which Java cannot give for an
   * instant beyond these (PostgreSQL's {@code infinity} read back is one: {@code
   * OffsetDateTime.MAX}'s instant, past the year 999,999,999 in UTC). A typed error here, not a
   * {@code DateTimeException} from the driver's side.
   */
  private static Instant inDateTimeRange(Instant i, String fieldName) {
    if (i.isBefore(FIRST_DATE_TIME) || i.isAfter(LAST_DATE_TIME)) {
      throw new ValidationError(
          fieldName, "field '" + fieldName + "' value " + i + " is out of range for a date-time");
    }
    return i;
  }

  private Long toLong(Object value, String fieldName) {
    long result;
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      result = ((Number) value).longValue();
    } else if (value instanceof String s) {
      if (!INTEGER_TEXT.matcher(s).matches()) {
        throw expected(fieldName, "an integer", value);
      }
      try {
        result = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw expected(fieldName, "an integer in range", value);
      }
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw expected(fieldName, "an integer", value);
      }
      result = n.longValue();
    } else {
      throw expected(fieldName, "an integer", value);
    }
    if (result < min || result > max) {
      throw new ValidationError(
          fieldName,
          "field '"
              + fieldName
              + "' value "
              + result
              + " is out of range ["
              + min
              + ", "
              + max
              + "]");
    }
    // The caller's Long as it is: boxing the same number again allocates for all but -128..127.
    return value instanceof Long l ? l : (Long) result;
  }

  /** Rejects lone surrogates and NUL so that every backend stores exactly what it is given. */
  static String checkText(String s, String fieldName) {
    // NUL first, with indexOf: an intrinsic that compares many chars per instruction. The loop then
    // has one test per char; together 0.35 ns per char against 0.62 for one loop testing both (a
    // small loop over 30,000 strings of 20-220 letters), and bulkCreate checks every text value.
    if (s.indexOf(0) >= 0) {
      throw new ValidationError(fieldName, "field '" + fieldName + "' may not contain NUL");
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      throw new ValidationError(fieldName, "field '" + fieldName + "': invalid Unicode");
    }
    return s;
  }

  /**
   * Refuses a JSON document whose strings (keys included) hold NUL or a lone surrogate, checked on
   * the serialized text rather than by walking the value: one pass over a string instead of a walk
   * of maps and lists before Jackson walks them again (5% of a MariaDB bulkCreate's CPU), and it
   * sees strings inside arrays and beans that a walk of maps and collections would miss. Jackson
   * writes NUL as its six-character escape (backslash, {@code u}, four zeros; a backslash before it
   * that is itself escaped belongs to a literal backslash in the string) and lets surrogates
   * through as they are; a raw NUL can only come from a custom serializer.
   */
  private static void checkJsonText(String text, String fieldName) {
    int at = text.indexOf("\\u0000");
    while (at >= 0) {
      int slashes = 1;
      while (at - slashes >= 0 && text.charAt(at - slashes) == '\\') {
        slashes++;
      }
      if (slashes % 2 == 1) {
        throw new ValidationError(fieldName, "field '" + fieldName + "' may not contain NUL");
      }
      at = text.indexOf("\\u0000", at + 1);
    }
    // A raw NUL and lone surrogates. NUL is refused on every backend because PostgreSQL's jsonb
    // cannot store it.
    checkText(text, fieldName);
  }

  /**
   * Whether {@code value} is of one of the final classes most values are (text, numbers, booleans,
   * date-times), told by its class alone. On JDK 17 an {@code instanceof} against an interface that
   * fails scans the class's interfaces with a slow instruction: about 40 ns for a String against
   * {@code Choices}, {@code Map} and {@code Collection}, which was 7% of a MariaDB bulkCreate's
   * CPU. None of these classes is a Choices, a Map or a Collection.
   */
  static boolean isPlainScalar(Object value) {
    Class<?> c = value.getClass();
    return c == String.class
        || c == Long.class
        || c == Integer.class
        || c == Boolean.class
        || c == Instant.class
        || c == Double.class
        || c == BigDecimal.class
        || c == LocalDate.class
        || c == JsonText.class;
  }

  private static ValidationError expected(String fieldName, String what, Object got) {
    return new ValidationError(
        fieldName, "field '" + fieldName + "' expects " + what + ", got " + describe(got));
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 60) {
      text = text.substring(0, 60) + "...";
    }
    return value instanceof String
        ? "'" + text + "'"
        : value.getClass().getSimpleName() + " " + text;
  }
}
