package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.BaseOperations;
import io.vibevault.orm.backend.DatePart;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.JsonPaths;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.SqlFunction;
import io.vibevault.orm.backend.TimeZones;
import io.vibevault.orm.backend.TruncKind;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.model.FieldKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQL SQLite is given: {@code "quoted"} names, LIKE made case-sensitive on the connection with
 * {@code vv_upper} for the case-insensitive lookups, {@code REGEXP} through a Java function, date
 * parts with {@code strftime}, JSON paths bound to {@code ->} / {@code JSON_EXTRACT}.
 *
 * <pre>{@code
 * SqliteOperations ops = new SqliteOperations();
 * ops.jsonHasKey(Fragment.sql("\"metrics\""), List.of("sentiment", "label"));
 * // JSON_TYPE("metrics", ?) IS NOT NULL   with ? = $."sentiment"."label"
 * }</pre>
 */
public final class SqliteOperations extends BaseOperations {
  /**
   * The bound-parameter limit sqlite-jdbc's bundled SQLite is compiled with
   * (SQLITE_MAX_VARIABLE_NUMBER).
   */
  static final int MAX_VARIABLES = 250_000;

  /** Values per IN (...) before the list is split into OR-ed parts. */
  private static final int IN_CHUNK = 1000;

  public SqliteOperations() {
    super('"');
  }

  @Override
  public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    SqliteValues.bind(ps, index, value);
  }

  @Override
  public Object read(ResultSet rs, int index, FieldKind kind) throws SQLException {
    return SqliteValues.read(rs, index, kind);
  }

  @Override
  public Object readAny(ResultSet rs, int index) throws SQLException {
    return SqliteValues.readAny(rs, index);
  }

  @Override
  protected ErrorKind classify(SQLException e) {
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      String name = code == null ? "" : code.name();
      if (name.startsWith("SQLITE_CONSTRAINT")) {
        return ErrorKind.INTEGRITY;
      }
      if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
        return ErrorKind.BUSY;
      }
      if (code == SQLiteErrorCode.SQLITE_MISMATCH
          || code == SQLiteErrorCode.SQLITE_TOOBIG
          || code == SQLiteErrorCode.SQLITE_RANGE) {
        return ErrorKind.DATA;
      }
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("no such table")
        || message.contains("no such column")
        || message.contains("no such function")
        || message.contains("syntax error")
        || message.contains("already exists")) {
      return ErrorKind.PROGRAMMING;
    }
    return ErrorKind.OPERATIONAL;
  }

  @Override
  protected String caseFold(String sql) {
    return "vv_upper(" + sql + ")";
  }

  @Override
  protected String concat(List<String> parts) {
    return "(" + String.join(" || ", parts) + ")";
  }

  @Override
  protected String noLimit() {
    return "-1";
  }

  /**
   * Literals: SQLite's planner reads the value of a bound LIMIT, so binding it again (every run of
   * a cached statement) expires the statement and the next step compiles it anew. {@code get(pk)}
   * from the statement cache took 20 us instead of 9 on the benchmark's table, no faster than
   * preparing it each time. The SQL per slice costs nothing more: slices are part of a query's
   * shape.
   */
  @Override
  protected boolean bindsLimits() {
    return false;
  }

  @Override
  public Fragment regex(Fragment lhs, Fragment rhs, boolean caseInsensitive) {
    String pattern = caseInsensitive ? "('(?iu)' || " + rhs.sql() + ")" : rhs.sql();
    return join(lhs.sql() + " REGEXP " + pattern, lhs, rhs);
  }

  @Override
  protected String datePartSql(DatePart part, String x, FieldKind kind) {
    return switch (part) {
      case YEAR -> strftime("%Y", x);
      case ISO_YEAR -> strftime("%G", x);
      case QUARTER -> "((" + strftime("%m", x) + " + 2) / 3)";
      case MONTH -> strftime("%m", x);
      case WEEK -> strftime("%V", x);
      case DAY -> strftime("%d", x);
      case WEEK_DAY -> "(" + strftime("%w", x) + " + 1)";
      case ISO_WEEK_DAY -> strftime("%u", x);
      case HOUR -> strftime("%H", x);
      case MINUTE -> strftime("%M", x);
      case SECOND -> strftime("%S", x);
    };
  }

  private static String strftime(String format, String x) {
    return "CAST(strftime('" + format + "', " + x + ") AS INTEGER)";
  }

  @Override
  public Fragment dateTimeAdd(Fragment dateTime, Fragment duration, boolean subtract) {
    return Fragment.format(
        subtract ? "vv_datetime_add(%s, -(%s))" : "vv_datetime_add(%s, %s)", dateTime, duration);
  }

  @Override
  public Fragment dateTimeDiff(Fragment lhs, Fragment rhs, FieldKind kind) {
    return Fragment.format("vv_datetime_diff(%s, %s)", lhs, rhs);
  }

  @Override
  public Fragment castToDate(Fragment lhs) {
    return lhs.wrap("date(%s)");
  }

  @Override
  public Fragment castToTime(Fragment lhs) {
    // The stored text is 'YYYY-MM-DD HH:MM:SS[.ffffff]': the time is everything after the date,
    // in the very form a bound TIME value takes.
    return lhs.wrap("substr(%s, 12)");
  }

  // ---------------------------------------------------------------- functions

  @Override
  public Fragment function(SqlFunction function, List<Fragment> a) {
    return switch (function) {
      // SQLite's own lower() and upper() only know ASCII.
      case LOWER -> call("vv_str_lower", a);
      case UPPER -> call("vv_str_upper", a);
      case LEFT -> Fragment.format("SUBSTR(%s, 1, %s)", a.get(0), a.get(1));
      // SUBSTR(x, -n) would give the whole text for n = 0.
      case RIGHT ->
          Fragment.format(
              "SUBSTR(%s, MAX(LENGTH(%s) - (%s) + 1, 1))", a.get(0), a.get(0), a.get(1));
      case REVERSE -> call("vv_reverse", a);
      case REPEAT -> call("vv_repeat", a);
      case LPAD -> call("vv_lpad", a);
      case RPAD -> call("vv_rpad", a);
      case MD5 -> call("vv_md5", a);
      case SHA256 -> call("vv_sha256", a);
      case STRINDEX -> call("INSTR", a);
      // SQLite's ROUND ignores negative places: round tens, hundreds, ... by scaling.
      case ROUND ->
          Fragment.format(
              "(CASE WHEN %s >= 0 THEN ROUND(%s, %s)"
                  + " ELSE ROUND(%s / POWER(10, -(%s))) * POWER(10, -(%s)) END)",
              a.get(1), a.get(0), a.get(1), a.get(0), a.get(1), a.get(1));
      case GREATEST -> skippingNulls("MAX", a);
      case LEAST -> skippingNulls("MIN", a);
      default -> super.function(function, a);
    };
  }

  @Override
  public Fragment cast(Fragment x, FieldKind kind) {
    return switch (kind) {
      case AUTO,
          BIG_AUTO,
          INTEGER,
          BIG_INTEGER,
          SMALL_INTEGER,
          POSITIVE_INTEGER,
          BOOLEAN,
          DURATION ->
          x.wrap("CAST(%s AS INTEGER)");
      case FLOAT -> x.wrap("CAST(%s AS REAL)");
      case DECIMAL -> x.wrap("CAST(%s AS NUMERIC)");
      case CHAR, TEXT, EMAIL, URL, SLUG, FILE, UUID, TIME -> x.wrap("CAST(%s AS TEXT)");
      case DATE -> x.wrap("date(%s)");
      // Parses a date or date-time text and writes the stored form.
      case DATE_TIME -> x.wrap("vv_datetime_add(%s, 0)");
      case JSON -> x.wrap("json(%s)");
      case BINARY -> x.wrap("CAST(%s AS BLOB)");
    };
  }

  /** SQLite has no decimal type: the number is rounded to the places, as the others store it. */
  @Override
  public Fragment castToDecimal(Fragment x, int maxDigits, int decimalPlaces) {
    return x.wrap("ROUND(CAST(%s AS NUMERIC), " + decimalPlaces + ")");
  }

  @Override
  protected Fragment localDateTime(Fragment utc, ZoneId zone) {
    return Fragment.format("vv_to_local(%s, %s)", utc, Fragment.of("?", zone.getId()));
  }

  @Override
  protected Fragment naiveDate(Fragment local) {
    return local.wrap("date(%s)");
  }

  @Override
  protected Fragment naiveTime(Fragment local) {
    return local.wrap("substr(%s, 12)");
  }

  @Override
  public Fragment dateTrunc(
      TruncKind trunc, Fragment x, FieldKind inputKind, FieldKind outputKind, ZoneId zone) {
    // Kind names come from enums; the zone is bound.
    String zoneId = TimeZones.isUtc(zone) ? "UTC" : zone.getId();
    return Fragment.format(
        "vv_trunc('"
            + trunc.name()
            + "', %s, '"
            + inputKind.name()
            + "', '"
            + outputKind.name()
            + "', %s)",
        x,
        Fragment.of("?", zoneId));
  }

  @Override
  public Fragment now() {
    // The statement's time in the stored text form (SQLite's %f has milliseconds).
    return Fragment.sql("(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')");
  }

  @Override
  public Fragment jsonObject(List<String> keys, List<Fragment> values, List<FieldKind> kinds) {
    List<Fragment> args = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      args.add(Fragment.of("?", keys.get(i)));
      args.add(kinds.get(i) == FieldKind.JSON ? values.get(i).wrap("json(%s)") : values.get(i));
    }
    return call("json_object", args);
  }

  @Override
  public Fragment inList(Fragment lhs, List<Object> values, FieldKind kind) {
    return inListChunked(lhs, values, IN_CHUNK, MAX_VARIABLES);
  }

  @Override
  public String forUpdate(boolean nowait, boolean skipLocked, List<String> ofTables) {
    throw new NotSupportedError("SQLite has no SELECT ... FOR UPDATE: a write locks the database");
  }

  @Override
  public String explainPrefix(Map<String, String> options) {
    if (!options.isEmpty()) {
      throw new IllegalArgumentException(
          "SQLite's EXPLAIN QUERY PLAN takes no options, got " + options.keySet());
    }
    return "EXPLAIN QUERY PLAN ";
  }

  // ---------------------------------------------------------------- JSON

  @Override
  public Fragment jsonExtract(Fragment column, List<Object> path) {
    // -> gives the JSON text of the value ('"x"', 'null'), or SQL NULL for a missing path.
    return withPath("(" + column.sql() + " -> ?)", column, path);
  }

  @Override
  public Fragment jsonExtractScalar(Fragment column, List<Object> path) {
    return withPath("JSON_EXTRACT(" + column.sql() + ", ?)", column, path);
  }

  @Override
  public Fragment jsonExtractNumber(Fragment column, List<Object> path) {
    String pathText = JsonPaths.encode(path);
    List<Object> params = new ArrayList<>(column.params());
    params.add(pathText);
    params.addAll(column.params());
    params.add(pathText);
    return new Fragment(
        "(CASE WHEN JSON_TYPE("
            + column.sql()
            + ", ?) IN ('integer', 'real') THEN JSON_EXTRACT("
            + column.sql()
            + ", ?) END)",
        params);
  }

  @Override
  public Fragment jsonValue(JsonText value) {
    return Fragment.of("JSON(?)", value.text());
  }

  @Override
  public Fragment jsonHasKey(Fragment column, List<Object> path) {
    // JSON_TYPE is 'null' for a JSON null and SQL NULL only when nothing is there.
    return withPath("(JSON_TYPE(" + column.sql() + ", ?) IS NOT NULL)", column, path);
  }

  @Override
  public Fragment jsonContains(Fragment column, JsonText value, boolean containedBy) {
    throw new NotSupportedError(
        "contains and contained_by on JSON fields are not supported on SQLite");
  }

  private static Fragment withPath(String sql, Fragment column, List<Object> path) {
    List<Object> params = new ArrayList<>(column.params());
    params.add(JsonPaths.encode(path));
    return new Fragment(sql, params);
  }
}
