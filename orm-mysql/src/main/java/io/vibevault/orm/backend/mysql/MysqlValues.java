package io.vibevault.orm.backend.mysql;

import static io.vibevault.orm.backend.ValueFormats.durationOfMicros;
import static io.vibevault.orm.backend.ValueFormats.micros;
import static io.vibevault.orm.backend.ValueFormats.uuidFromHex;
import static io.vibevault.orm.backend.ValueFormats.uuidHex;

import io.vibevault.orm.backend.ColumnReaders;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.Operations.ValueReader;
import io.vibevault.orm.model.FieldKind;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Neutral values to MySQL/MariaDB columns and back, as Django stores them: {@code datetime(6)} in
 * UTC (the session's time zone is UTC too), durations as microseconds, UUIDs as 32 hex digits,
 * booleans as 0/1, JSON as text.
 */
final class MysqlValues {
  private MysqlValues() {}

  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (value instanceof Long || value instanceof Short) {
      ps.setLong(index, ((Number) value).longValue());
    } else if (value instanceof Integer i) {
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
      // Truncated to microseconds, as the column keeps them; ofEpochSecond rather than ofInstant,
      // which asks ZoneOffset.UTC for its rules (a new ZoneRules per call, twice per bulk row).
      ps.setObject(
          index,
          LocalDateTime.ofEpochSecond(
              i.getEpochSecond(), i.getNano() / 1_000 * 1_000, ZoneOffset.UTC));
    } else if (value instanceof LocalDate d) {
      ps.setObject(index, d);
    } else if (value instanceof LocalTime t) {
      ps.setObject(index, t);
    } else if (value instanceof Duration d) {
      ps.setLong(index, micros(d));
    } else if (value instanceof UUID u) {
      ps.setString(index, uuidHex(u));
    } else if (value instanceof JsonText j) {
      ps.setString(index, j.text());
    } else if (value instanceof byte[] b) {
      ps.setBytes(index, b);
    } else {
      throw new IllegalArgumentException(
          "Cannot bind " + value.getClass().getName() + " on MySQL; pass a neutral value");
    }
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
          case DATE_TIME -> {
            LocalDateTime t = rs.getObject(index, LocalDateTime.class);
            yield t == null ? null : t.toInstant(ZoneOffset.UTC);
          }
          case TIME -> rs.getObject(index, LocalTime.class);
          case DURATION -> durationOfMicros(rs.getLong(index));
          case UUID -> {
            String hex = rs.getString(index);
            yield hex == null ? null : uuidFromHex(hex);
          }
          case JSON -> {
            String text = rs.getString(index);
            yield text == null ? null : new JsonText(text);
          }
          case BINARY -> rs.getBytes(index);
        };
    return rs.wasNull() ? null : value;
  }

  /**
   * A reader of one column for every row of a result set: date-times as MariaDB's driver gives
   * them, the plain kinds through {@link ColumnReaders}; null for other kinds (read through {@link
   * #read}).
   */
  static ValueReader reader(int index, FieldKind kind) {
    if (kind == FieldKind.DATE_TIME) {
      return rs -> {
        LocalDateTime t = rs.getObject(index, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
      };
    }
    return ColumnReaders.plain(index, kind);
  }

  /** A value of unknown kind, by the column's JDBC type. */
  static Object readAny(ResultSet rs, int index) throws SQLException {
    Object value =
        switch (rs.getMetaData().getColumnType(index)) {
          case Types.BIT, Types.BOOLEAN -> rs.getBoolean(index);
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(index);
          case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(index);
          case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(index);
          case Types.DATE -> rs.getObject(index, LocalDate.class);
          case Types.TIME -> rs.getObject(index, LocalTime.class);
          case Types.TIMESTAMP -> {
            LocalDateTime t = rs.getObject(index, LocalDateTime.class);
            yield t == null ? null : t.toInstant(ZoneOffset.UTC);
          }
          case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(index);
          case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB -> rs.getString(index);
          default -> rs.getObject(index);
        };
    return rs.wasNull() ? null : value;
  }
}
