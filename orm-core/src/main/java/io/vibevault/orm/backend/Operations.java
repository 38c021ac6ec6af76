package io.vibevault.orm.backend;

import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.model.FieldKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The SQL a backend writes for the compiler's questions (Django's {@code DatabaseOperations}):
 * quoting, binding and reading values, lookups, date parts, JSON paths, paging, locking and error
 * translation. Every value reaches the database as a bound parameter; every identifier comes from
 * model metadata and is quoted here.
 *
 * <pre>{@code
 * Fragment f = ops.dateExtract(DatePart.YEAR, Fragment.sql(col), FieldKind.DATE_TIME);
 * }</pre>
 */
public interface Operations {
  /** Quotes an identifier that came from model metadata. */
  String quoteName(String name);

  /**
   * A column of a table alias, {@code "alias"."column"}: the two quoted and joined by a dot. A
   * compiled query names a column this way in its select list, conditions, grouping and ordering.
   */
  default String quoteColumn(String alias, String column) {
    return quoteName(alias) + "." + quoteName(column);
  }

  /** Binds a neutral value (or null) at {@code index}. */
  void bind(PreparedStatement ps, int index, Object value) throws SQLException;

  /** Reads a column of a known kind as a neutral value, or null for SQL NULL. */
  Object read(ResultSet rs, int index, FieldKind kind) throws SQLException;

  /**
   * A reader of column {@code index} of every row of every result set of a compiled query, made
   * once per query shape: what {@link #read} (or {@link #readAny} when {@code kind} is null) would
   * decide per value, such as which driver getter a kind takes, a backend decides here, once. It
   * sees no result set, so it cannot depend on the driver's metadata: looking that up per result
   * set (pgjdbc's column type name) cost as much as the rest of a get() by primary key's hydration.
   */
  default ValueReader reader(int index, FieldKind kind) {
    return kind == null ? rs -> readAny(rs, index) : rs -> read(rs, index, kind);
  }

  /** Reads one column of the current row as a neutral value; see {@link #reader}. */
  @FunctionalInterface
  interface ValueReader {
    Object read(ResultSet rs) throws SQLException;
  }

  /**
   * Reads a column whose kind the ORM does not know (raw SQL, cursors): integers as Long, decimals
   * as BigDecimal, floats as Double, text as String, timestamps as Instant, dates as LocalDate.
   */
  Object readAny(ResultSet rs, int index) throws SQLException;

  /** Wraps a driver exception into the ORM's typed exceptions, keeping it as the cause. */
  DatabaseError translate(SQLException e, String sql);

  /**
   * A LIKE lookup. When {@code rhsIsPattern} the right side is a bound pattern already escaped with
   * {@code \} and given its wildcards ({@link PatternKind#pattern}); otherwise it is an expression
   * whose value the SQL must escape and wrap in wildcards itself.
   */
  Fragment patternMatch(PatternKind kind, Fragment lhs, Fragment rhs, boolean rhsIsPattern);

  /** Case-insensitive equality ({@code iexact}), Unicode-aware on every backend. */
  Fragment iexact(Fragment lhs, Fragment rhs);

  /** A regular-expression match. */
  Fragment regex(Fragment lhs, Fragment rhs, boolean caseInsensitive);

  /** An integer date part of a DATE or DATE_TIME (in UTC) expression. */
  Fragment dateExtract(DatePart part, Fragment lhs, FieldKind kind);

  /**
   * A DATE_TIME expression moved by a DURATION expression ({@code
   * F.of("createdAt").plus(Duration.ofDays(44))}); {@code subtract} moves it back. The result is a
   * DATE_TIME.
   */
  Fragment dateTimeAdd(Fragment dateTime, Fragment duration, boolean subtract);

  /** {@code lhs - rhs} of two DATE_TIME (or two DATE) expressions, as a DURATION. */
  Fragment dateTimeDiff(Fragment lhs, Fragment rhs, FieldKind kind);

  /** The UTC date of a DATE_TIME expression. */
  Fragment castToDate(Fragment lhs);

  /** The UTC time of day of a DATE_TIME expression. */
  Fragment castToTime(Fragment lhs);

  // Database functions. Arguments arrive compiled and counted; values in them are bound.

  /**
   * A built-in function of the compiled arguments ({@code LOWER(x)}, {@code CHAR_LENGTH(x)}, a Java
   * function on SQLite), with the semantics {@link SqlFunction} documents on every backend.
   */
  Fragment function(SqlFunction function, List<Fragment> args);

  /** {@code x} converted to the type a column of {@code kind} has (Django's {@code Cast}). */
  Fragment cast(Fragment x, FieldKind kind);

  /**
   * {@code x} as a decimal of at most {@code maxDigits} digits, {@code decimalPlaces} of them after
   * the point, rounded half away from zero (Django's {@code Cast(x, DecimalField(max_digits=...,
   * decimal_places=...))}).
   */
  Fragment castToDecimal(Fragment x, int maxDigits, int decimalPlaces);

  /**
   * An integer date part of a DATE, TIME or DATE_TIME expression; a DATE_TIME is first moved to
   * local time in {@code zone}.
   */
  Fragment dateExtract(DatePart part, Fragment lhs, FieldKind kind, ZoneId zone);

  /**
   * A DATE, TIME or DATE_TIME expression truncated to {@code trunc}. A DATE_TIME is truncated in
   * local time of {@code zone}; as a DATE_TIME result it is that local time's instant, as DATE or
   * TIME the local date or time of day. DATE and TIME inputs give their own kind.
   */
  Fragment dateTrunc(
      TruncKind trunc, Fragment x, FieldKind inputKind, FieldKind outputKind, ZoneId zone);

  /** The date of a DATE_TIME expression in {@code zone}. */
  Fragment castToDate(Fragment lhs, ZoneId zone);

  /** The time of day of a DATE_TIME expression in {@code zone}. */
  Fragment castToTime(Fragment lhs, ZoneId zone);

  /** The current date-time, as a DATE_TIME (fixed for the statement where the backend can). */
  Fragment now();

  /**
   * A JSON object of the keys (bound) and compiled values; {@code kinds} gives each value's kind (a
   * JSON value is nested as JSON, not as text), or null where unknown.
   */
  Fragment jsonObject(List<String> keys, List<Fragment> values, List<FieldKind> kinds);

  /**
   * {@code lhs IN (...)} for a non-empty list of neutral values of {@code kind}: one array
   * parameter where the backend supports it, otherwise chunks OR-ed together under the parameter
   * limit.
   */
  Fragment inList(Fragment lhs, List<Object> values, FieldKind kind);

  /** The LIMIT / OFFSET clause (leading space included), or empty when both are absent. */
  Fragment limitOffset(Long limit, long offset);

  /** The row-locking clause (leading space included). */
  String forUpdate(boolean nowait, boolean skipLocked, List<String> ofTables);

  /** The function call giving a random number for {@code orderBy("?")}. */
  String randomFunction();

  /** One ORDER BY term, with explicit NULL placement emulated where the backend lacks it. */
  Fragment orderBy(Fragment expression, boolean descending, Boolean nullsFirst);

  /** Text appended to an INSERT to return these columns, or null when not supported. */
  String returning(List<String> quotedColumns);

  /**
   * What follows the table name in an INSERT of one row that names no column, every column taking
   * its default: {@code DEFAULT VALUES} (standard SQL), {@code () VALUES ()} on MySQL/MariaDB.
   */
  default String defaultValuesInsert() {
    return " DEFAULT VALUES";
  }

  /**
   * The INSERT prefix and suffix for a bulk insert handling conflicts. Returns {@code [prefix,
   * suffix]}: prefix replaces {@code INSERT INTO}, suffix follows the VALUES list.
   */
  String[] onConflict(boolean ignore, List<String> uniqueColumns, List<String> updateColumns);

  /** The EXPLAIN prefix for already allowlisted options. */
  String explainPrefix(Map<String, String> options);

  /** A literal for DDL only (defaults and check constraints in CREATE TABLE). */
  String quoteValue(Object neutral);

  // JSON. Paths are lists of keys (String) and array indexes (Integer); they are always bound.

  /** The JSON value at {@code path} in a form comparable with {@link #jsonValue}. */
  Fragment jsonExtract(Fragment column, List<Object> path);

  /** The JSON value at {@code path} as SQL text/number (strings unquoted), for scalar lookups. */
  Fragment jsonExtractScalar(Fragment column, List<Object> path);

  /**
   * The JSON value at {@code path} as an SQL number, or NULL when it is not a JSON number: for
   * numeric comparisons ({@code metrics__wordCount__gt=55}), which text from {@link
   * #jsonExtractScalar} cannot give on every backend.
   */
  Fragment jsonExtractNumber(Fragment column, List<Object> path);

  /** A bound JSON document comparable with {@link #jsonExtract}. */
  Fragment jsonValue(JsonText value);

  /** Whether the document has a value (possibly JSON null) at {@code path}. */
  Fragment jsonHasKey(Fragment column, List<Object> path);

  /**
   * JSON containment, {@code column @> value}; only where {@link Features#supportsJsonContains}.
   */
  Fragment jsonContains(Fragment column, JsonText value, boolean containedBy);

  /**
   * The argument of {@code AVG} over integers, so that the mean is a double on every backend (MySQL
   * and MariaDB answer it as a DECIMAL rounded to four places). Unchanged by default.
   */
  default Fragment floatAggregateArgument(Fragment argument) {
    return argument;
  }
}
