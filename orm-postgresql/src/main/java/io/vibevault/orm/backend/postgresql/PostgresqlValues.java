package io.vibevault.orm.backend.postgresql;

import static io.vibevault.orm.backend.ValueFormats.formatDateTime;
import static io.vibevault.orm.backend.ValueFormats.formatTime;
import static io.vibevault.orm.backend.ValueFormats.micros;
import static io.vibevault.orm.backend.ValueFormats.truncateToMicros;

import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.ValueFormats;
import io.vibevault.orm.model.FieldKind;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * Neutral values to PostgreSQL's native types and back: {@code timestamptz} through {@code
 * OffsetDateTime} in UTC, {@code interval} with exact microseconds, {@code uuid}, {@code jsonb}
 * through {@link PGobject}, and IN lists as typed SQL arrays.
 */
final class PostgresqlValues {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private PostgresqlValues() {}

  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (value instanceof Long || value instanceof Short) {
      ps.setLong(index, ((Number) value).longValue());
    } else if (value instanceof Integer i) {
      // JSON array indexes: jsonb -> integer exists, jsonb -> bigint does not.
      ps.setInt(index, i);
    } else if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof Double d) {
      ps.setDouble(index, d);
    } else if (value instanceof BigDecimal d) {
      ps.setBigDecimal(index, d);
    } else if (value instanceof Boolean b) {
      ps.setBoolean(index, b);
    } else if (value instanceof Instant i) {
      ps.setObject(index, OffsetDateTime.ofInstant(truncateToMicros(i), ZoneOffset.UTC));
    } else if (value instanceof LocalDate d) {
      ps.setObject(index, d);
    } else if (value instanceof LocalTime t) {
      ps.setObject(index, t);
    } else if (value instanceof Duration d) {
      ps.setObject(index, pgObject("interval", intervalText(d)));
    } else if (value instanceof UUID u) {
      ps.setObject(index, u);
    } else if (value instanceof JsonText j) {
      ps.setObject(index, pgObject("jsonb", j.text()));
    } else if (value instanceof byte[] b) {
      ps.setBytes(index, b);
    } else if (value instanceof PostgresqlArrayParameter a) {
      ps.setArray(index, array(ps.getConnection(), a));
    } else {
      throw new IllegalArgumentException(
          "Cannot bind " + value.getClass().getName() + " on PostgreSQL; pass a neutral value");
    }
  }

  private static PGobject pgObject(String type, String text) throws SQLException {
    PGobject o = new PGobject();
    o.setType(type);
    o.setValue(text);
    return o;
  }

  /** Days stay days, as Django writes a timedelta; the rest is exact microseconds. */
  static String intervalText(Duration d) {
    long micros = micros(d);
    return (micros / MICROS_PER_DAY) + " days " + (micros % MICROS_PER_DAY) + " microseconds";
  }

  private static Array array(Connection c, PostgresqlArrayParameter p) throws SQLException {
    List<Object> values = p.values();
    FieldKind kind = p.kind() != null ? p.kind() : FieldKind.infer(firstNonNull(values));
    int n = values.size();
    return switch (kind) {
      case AUTO, BIG_AUTO, INTEGER, BIG_INTEGER, SMALL_INTEGER, POSITIVE_INTEGER -> {
        Long[] out = new Long[n];
        for (int i = 0; i < n; i++) {
          out[i] = values.get(i) == null ? null : ((Number) values.get(i)).longValue();
        }
        yield c.createArrayOf("int8", out);
      }
      case FLOAT -> {
        Double[] out = new Double[n];
        for (int i = 0; i < n; i++) {
          out[i] = values.get(i) == null ? null : ((Number) values.get(i)).doubleValue();
        }
        yield c.createArrayOf("float8", out);
      }
      case BOOLEAN -> c.createArrayOf("bool", values.toArray(new Boolean[0]));
      case BINARY -> c.createArrayOf("bytea", values.toArray(new byte[0][]));
      default -> c.createArrayOf(arrayType(kind), texts(kind, values));
    };
  }

  private static Object firstNonNull(List<Object> values) {
    return values.stream().filter(v -> v != null).findFirst().orElse("");
  }

  private static String arrayType(FieldKind kind) {
    return switch (kind) {
      case DECIMAL -> "numeric";
      case DATE -> "date";
      case DATE_TIME -> "timestamptz";
      case TIME -> "time";
      case DURATION -> "interval";
      case UUID -> "uuid";
      case JSON -> "jsonb";
      default -> "text";
    };
  }

  /** Elements in PostgreSQL's input syntax; the array's declared type parses them. */
  private static String[] texts(FieldKind kind, List<Object> values) {
    String[] out = new String[values.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = values.get(i);
      out[i] =
          v == null
              ? null
              : switch (kind) {
                case DECIMAL -> ((BigDecimal) v).toPlainString();
                case DATE_TIME -> formatDateTime((Instant) v) + "+00";
                case TIME -> formatTime((LocalTime) v);
                case DURATION -> intervalText((Duration) v);
                case JSON -> ((JsonText) v).text();
                default -> v.toString();
              };
    }
    return out;
  }

  static Object read(ResultSet rs, int index, FieldKind kind) throws SQLException {
    Object value =
        switch (kind) {
          case AUTO, BIG_AUTO, INTEGER, BIG_INTEGER, SMALL_INTEGER, POSITIVE_INTEGER ->
              rs.getLong(index);
          case FLOAT -> rs.getDouble(index);
          case DECIMAL -> rs.getBigDecimal(index);
          case BOOLEAN -> rs.getBoolean(index);
          case CHAR, TEXT, EMAIL, URL, SLUG, FILE -> rs.getString(index);
          case DATE -> rs.getObject(index, LocalDate.class);
          case DATE_TIME -> instant(rs, index);
          case TIME -> rs.getObject(index, LocalTime.class);
          case DURATION -> duration(rs.getObject(index));
          case UUID -> rs.getObject(index, UUID.class);
          case JSON -> {
            String text = rs.getString(index);
            yield text == null ? null : new JsonText(text);
          }
          case BINARY -> rs.getBytes(index);
        };
    return rs.wasNull() ? null : value;
  }

  /**
   * A {@code timestamptz}, or a {@code timestamp} (from an expression or a table made elsewhere),
   * which pgjdbc gives as its wall-clock time at UTC, whatever the session's time zone: the ORM
   * reads a zoneless timestamp as UTC too, so one reader serves both and needs no column metadata.
   * (The one difference from reading a {@code timestamp} as a {@code LocalDateTime}: its {@code
   * infinity} comes out as {@code OffsetDateTime.MAX}'s instant, as a {@code timestamptz}'s does.)
   */
  static Instant instant(ResultSet rs, int index) throws SQLException {
    OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Duration duration(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Number n) {
      return ValueFormats.durationOfMicros(n.longValue());
    }
    PGInterval i = (PGInterval) raw;
    // Months are 30 days and days 24 hours, the way PostgreSQL itself compares intervals.
    long days = (i.getYears() * 12L + i.getMonths()) * 30L + i.getDays();
    long seconds = ((days * 24 + i.getHours()) * 60 + i.getMinutes()) * 60 + i.getWholeSeconds();
    return Duration.ofSeconds(seconds).plusNanos(i.getMicroSeconds() * 1000L);
  }

  /** A value of unknown kind, by the column's PostgreSQL type. */
  static Object readAny(ResultSet rs, int index) throws SQLException {
    String type = rs.getMetaData().getColumnTypeName(index);
    Object value =
        switch (type) {
          case "int2", "int4", "int8", "oid" -> rs.getLong(index);
          case "float4", "float8" -> rs.getDouble(index);
          case "numeric" -> rs.getBigDecimal(index);
          case "bool" -> rs.getBoolean(index);
          case "text", "varchar", "bpchar", "name", "json", "jsonb" -> rs.getString(index);
          case "timestamptz", "timestamp" -> instant(rs, index);
          case "date" -> rs.getObject(index, LocalDate.class);
          case "time" -> rs.getObject(index, LocalTime.class);
          case "interval" -> duration(rs.getObject(index));
          case "uuid" -> rs.getObject(index, UUID.class);
          case "bytea" -> rs.getBytes(index);
          default -> rs.getObject(index);
        };
    return rs.wasNull() ? null : value;
  }
}
