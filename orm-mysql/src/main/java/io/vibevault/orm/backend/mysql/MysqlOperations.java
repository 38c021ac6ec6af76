package io.vibevault.orm.backend.mysql;

import io.vibevault.orm.backend.BaseOperations;
import io.vibevault.orm.backend.DatePart;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.JsonPaths;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.SqlFunction;
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
import java.util.Set;
import java.util.function.Supplier;

/**
 * The SQL MySQL and MariaDB are given: {@code `quoted`} names, literals with backslashes escaped,
 * {@code ESCAPE '\\'}, {@code LOWER()} on both sides of case-insensitive lookups, {@code REGEXP}
 * (case-sensitive under the binary collation, {@code (?i)} otherwise), emulated NULLS FIRST/LAST,
 * {@code INSERT IGNORE} / {@code ON DUPLICATE KEY UPDATE}, and JSON paths bound to {@code
 * JSON_EXTRACT}.
 *
 * <pre>{@code
 * MysqlOperations ops = new MysqlOperations(() -> MysqlFlavour.parse("10.11.6-MariaDB"));
 * ops.limitOffset(null, 20);   //  LIMIT 18446744073709551615 OFFSET ?
 * }</pre>
 */
public final class MysqlOperations extends BaseOperations {
  private static final int IN_CHUNK = 1000;
  private static final Set<Integer> INTEGRITY =
      Set.of(1048, 1062, 1169, 1216, 1217, 1364, 1451, 1452, 1557, 1586, 1761, 1762, 3819, 4025);
  private static final Set<Integer> DATA =
      Set.of(1264, 1265, 1292, 1365, 1366, 1367, 1406, 3140, 4038);
  private static final Set<Integer> PROGRAMMING =
      Set.of(1049, 1050, 1051, 1054, 1060, 1061, 1064, 1091, 1146, 1305);

  private final Supplier<MysqlFlavour> flavour;

  public MysqlOperations(Supplier<MysqlFlavour> flavour) {
    super('`');
    this.flavour = flavour;
  }

  @Override
  public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    MysqlValues.bind(ps, index, value);
  }

  @Override
  public Object read(ResultSet rs, int index, FieldKind kind) throws SQLException {
    return MysqlValues.read(rs, index, kind);
  }

  @Override
  public ValueReader reader(int index, FieldKind kind) {
    ValueReader specialised = kind == null ? null : MysqlValues.reader(index, kind);
    return specialised != null ? specialised : super.reader(index, kind);
  }

  @Override
  public Object readAny(ResultSet rs, int index) throws SQLException {
    return MysqlValues.readAny(rs, index);
  }

  @Override
  protected ErrorKind classify(SQLException e) {
    int code = e.getErrorCode();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (code == 1213) {
      return ErrorKind.DEADLOCK;
    }
    if (code == 3572 || code == 1205 || message.contains("Lock wait timeout")) {
      return ErrorKind.LOCK_NOT_AVAILABLE;
    }
    if (INTEGRITY.contains(code)) {
      return ErrorKind.INTEGRITY;
    }
    if (DATA.contains(code)) {
      return ErrorKind.DATA;
    }
    if (PROGRAMMING.contains(code)) {
      return ErrorKind.PROGRAMMING;
    }
    if (code == 1235) {
      return ErrorKind.NOT_SUPPORTED;
    }
    if (state.equals("40001")) {
      return ErrorKind.SERIALIZATION;
    }
    return classifyState(state);
  }

  @Override
  protected String caseFold(String sql) {
    return "LOWER(" + sql + ")";
  }

  @Override
  protected String concat(List<String> parts) {
    return "CONCAT(" + String.join(", ", parts) + ")";
  }

  /** Backslash is an escape in MySQL string literals (unless NO_BACKSLASH_ESCAPES). */
  @Override
  protected String stringLiteral(String s) {
    // Line breaks as escapes too: a statement stays on one line in sqlmigrate's output.
    return super.stringLiteral(s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
  }

  @Override
  protected String likeEscape() {
    return " ESCAPE '\\\\'";
  }

  @Override
  protected String noLimit() {
    return "18446744073709551615";
  }

  @Override
  public String randomFunction() {
    return "RAND()";
  }

  @Override
  public Fragment regex(Fragment lhs, Fragment rhs, boolean caseInsensitive) {
    String pattern = caseInsensitive ? "CONCAT('(?i)', " + rhs.sql() + ")" : rhs.sql();
    return join(lhs.sql() + " REGEXP " + pattern, lhs, rhs);
  }

  @Override
  protected String datePartSql(DatePart part, String x, FieldKind kind) {
    // DATETIME columns hold UTC and the session runs in UTC: no conversion.
    return switch (part) {
      case YEAR -> "YEAR(" + x + ")";
      case ISO_YEAR -> "(YEARWEEK(" + x + ", 3) DIV 100)";
      case QUARTER -> "QUARTER(" + x + ")";
      case MONTH -> "MONTH(" + x + ")";
      case WEEK -> "WEEK(" + x + ", 3)";
      case DAY -> "DAYOFMONTH(" + x + ")";
      case WEEK_DAY -> "DAYOFWEEK(" + x + ")";
      case ISO_WEEK_DAY -> "(WEEKDAY(" + x + ") + 1)";
      case HOUR -> "HOUR(" + x + ")";
      case MINUTE -> "MINUTE(" + x + ")";
      case SECOND -> "SECOND(" + x + ")";
    };
  }

  @Override
  public Fragment dateTimeAdd(Fragment dateTime, Fragment duration, boolean subtract) {
    // Durations are stored as microseconds.
    return Fragment.format(
        (subtract ? "DATE_SUB" : "DATE_ADD") + "(%s, INTERVAL %s MICROSECOND)", dateTime, duration);
  }

  @Override
  public Fragment dateTimeDiff(Fragment lhs, Fragment rhs, FieldKind kind) {
    return Fragment.format("TIMESTAMPDIFF(MICROSECOND, %s, %s)", rhs, lhs);
  }

  @Override
  public Fragment castToDate(Fragment lhs) {
    return lhs.wrap("DATE(%s)");
  }

  @Override
  public Fragment castToTime(Fragment lhs) {
    return lhs.wrap("TIME(%s)");
  }

  // ---------------------------------------------------------------- functions

  @Override
  public Fragment function(SqlFunction function, List<Fragment> args) {
    if (function == SqlFunction.GREATEST || function == SqlFunction.LEAST) {
      return skippingNulls(function.standardName(), args);
    }
    Fragment own = MysqlFunctions.function(function, args);
    return own != null ? own : super.function(function, args);
  }

  @Override
  public Fragment cast(Fragment x, FieldKind kind) {
    return MysqlFunctions.cast(x, kind, flavour.get().mariaDb());
  }

  @Override
  public Fragment castToDecimal(Fragment x, int maxDigits, int decimalPlaces) {
    return x.wrap("CAST(%s AS DECIMAL(" + maxDigits + ", " + decimalPlaces + "))");
  }

  @Override
  protected Fragment localDateTime(Fragment utc, ZoneId zone) {
    return MysqlFunctions.local(utc, zone);
  }

  @Override
  protected Fragment naiveTime(Fragment local) {
    return local.wrap("CAST(%s AS TIME(6))");
  }

  @Override
  public Fragment dateTrunc(
      TruncKind trunc, Fragment x, FieldKind inputKind, FieldKind outputKind, ZoneId zone) {
    return MysqlFunctions.trunc(trunc, x, inputKind, outputKind, zone);
  }

  @Override
  public Fragment now() {
    // The session runs in UTC, the zone DATETIME columns are stored in.
    return Fragment.sql("CURRENT_TIMESTAMP(6)");
  }

  @Override
  public Fragment jsonObject(List<String> keys, List<Fragment> values, List<FieldKind> kinds) {
    return MysqlFunctions.jsonObject(keys, values, kinds);
  }

  @Override
  public Fragment inList(Fragment lhs, List<Object> values, FieldKind kind) {
    if (values.size() > IN_CHUNK && (kind.isInteger() || kind.isText())) {
      // A long list travels as one JSON array parameter, unpacked by JSON_TABLE: no limit on its
      // length, and one statement whatever its size. The column takes the tables' collation so
      // text compares exactly as a plain IN would.
      String column =
          kind.isInteger()
              ? "BIGINT"
              : "LONGTEXT CHARACTER SET utf8mb4 COLLATE " + flavour.get().collation();
      return new Fragment(
          lhs.sql()
              + " IN (SELECT vv_in.v FROM JSON_TABLE(?, '$[*]' COLUMNS (v "
              + column
              + " PATH '$')) AS vv_in)",
          concat(lhs.params(), JsonText.of(values).text()));
    }
    return inListChunked(lhs, values, IN_CHUNK, 65535);
  }

  @Override
  public String forUpdate(boolean nowait, boolean skipLocked, List<String> ofTables) {
    if (ofTables != null && !ofTables.isEmpty() && !flavour.get().supportsForUpdateOf()) {
      throw new NotSupportedError("FOR UPDATE OF is not supported on MariaDB");
    }
    return super.forUpdate(nowait, skipLocked, ofTables);
  }

  /** The natural placement (NULLs lowest) is kept; the other one sorts on {@code x IS NULL}. */
  @Override
  public Fragment orderBy(Fragment expression, boolean descending, Boolean nullsFirst) {
    String direction = descending ? " DESC" : " ASC";
    Fragment plain = new Fragment(expression.sql() + direction, expression.params());
    if (nullsFirst == null || nullsFirst != descending) {
      return plain;
    }
    return Fragment.format(
        "%s IS NULL" + (nullsFirst ? " DESC" : " ASC") + ", %s", expression, plain);
  }

  /** MySQL has no {@code DEFAULT VALUES}: an empty column list and an empty row. */
  @Override
  public String defaultValuesInsert() {
    return " () VALUES ()";
  }

  @Override
  public String returning(List<String> quotedColumns) {
    return flavour.get().supportsReturning() ? super.returning(quotedColumns) : null;
  }

  @Override
  public String[] onConflict(
      boolean ignore, List<String> uniqueColumns, List<String> updateColumns) {
    if (ignore) {
      return new String[] {"INSERT IGNORE INTO", ""};
    }
    if (updateColumns == null || updateColumns.isEmpty()) {
      return new String[] {"INSERT INTO", ""};
    }
    List<String> sets = new ArrayList<>();
    for (String column : updateColumns) {
      String q = quoteIfBare(column);
      sets.add(q + " = VALUES(" + q + ")");
    }
    return new String[] {"INSERT INTO", " ON DUPLICATE KEY UPDATE " + String.join(", ", sets)};
  }

  @Override
  public String explainPrefix(Map<String, String> options) {
    String format = null;
    boolean analyze = false;
    for (Map.Entry<String, String> o : options.entrySet()) {
      String key = o.getKey().toLowerCase(Locale.ROOT);
      String value = o.getValue() == null ? "" : o.getValue().strip().toUpperCase(Locale.ROOT);
      switch (key) {
        case "format" -> format = value;
        case "analyze" -> {
          if (!value.equals("TRUE") && !value.equals("FALSE")) {
            throw new IllegalArgumentException("EXPLAIN analyze takes true or false: " + value);
          }
          analyze = value.equals("TRUE");
        }
        default -> throw new IllegalArgumentException("Unknown EXPLAIN option: " + o.getKey());
      }
    }
    MysqlFlavour f = flavour.get();
    if (format != null) {
      Set<String> formats = f.mariaDb() ? Set.of("TEXT", "JSON") : Set.of("TEXT", "JSON", "TREE");
      if (!formats.contains(format)) {
        throw new IllegalArgumentException("Unknown EXPLAIN format: " + format);
      }
      format = format.equals("TEXT") ? (f.mariaDb() ? null : "TRADITIONAL") : format;
    }
    if (f.mariaDb()) {
      // MariaDB runs the statement with ANALYZE instead of EXPLAIN.
      return (analyze ? "ANALYZE" : "EXPLAIN") + (format == null ? "" : " FORMAT=" + format) + " ";
    }
    if (analyze) {
      return "EXPLAIN ANALYZE ";
    }
    return "EXPLAIN" + (format == null ? "" : " FORMAT=" + format) + " ";
  }

  // ---------------------------------------------------------------- JSON

  @Override
  public Fragment jsonExtract(Fragment column, List<Object> path) {
    String extract = "JSON_EXTRACT(" + column.sql() + ", ?)";
    // MariaDB's JSON is text: compact both sides so only the values are compared.
    return withPath(
        flavour.get().nativeJson() ? extract : "JSON_COMPACT(" + extract + ")", column, path);
  }

  @Override
  public Fragment jsonExtractScalar(Fragment column, List<Object> path) {
    if (flavour.get().mariaDb()) {
      return withPath("JSON_VALUE(" + column.sql() + ", ?)", column, path);
    }
    return withPath("JSON_UNQUOTE(JSON_EXTRACT(" + column.sql() + ", ?))", column, path);
  }

  @Override
  public Fragment jsonExtractNumber(Fragment column, List<Object> path) {
    String extract = "JSON_EXTRACT(" + column.sql() + ", ?)";
    Fragment type = withPath("JSON_TYPE(" + extract + ")", column, path);
    Fragment value = withPath("CAST(JSON_UNQUOTE(" + extract + ") AS DOUBLE)", column, path);
    return Fragment.format(
        "(CASE WHEN %s IN ('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL') THEN %s END)",
        type, value);
  }

  @Override
  public Fragment jsonValue(JsonText value) {
    return Fragment.of(flavour.get().nativeJson() ? "CAST(? AS JSON)" : "JSON_COMPACT(?)", value);
  }

  @Override
  public Fragment jsonHasKey(Fragment column, List<Object> path) {
    // Both find a key whose value is JSON null; JSON_EXISTS also reads MariaDB's escaped keys.
    return withPath(
        flavour.get().mariaDb()
            ? "(JSON_EXISTS(" + column.sql() + ", ?) = 1)"
            : "(JSON_CONTAINS_PATH(" + column.sql() + ", 'one', ?) = 1)",
        column,
        path);
  }

  @Override
  public Fragment jsonContains(Fragment column, JsonText value, boolean containedBy) {
    return containedBy
        ? join("JSON_CONTAINS(?, " + column.sql() + ")", Fragment.of("?", value), column)
        : join("JSON_CONTAINS(" + column.sql() + ", ?)", column, Fragment.of("?", value));
  }

  private Fragment withPath(String sql, Fragment column, List<Object> path) {
    List<Object> params = new ArrayList<>(column.params());
    params.add(path(path));
    return new Fragment(sql, params);
  }

  /**
   * The shared encoder's path, except that on MariaDB a key's leading dash is written as its JSON
   * unicode escape: MariaDB's path parser rejects a quoted key starting with a dash. JSON_VALUE and
   * JSON_EXISTS decode the escape; JSON_EXTRACT compares keys undecoded and so cannot reach such a
   * key at all (a MariaDB limitation).
   */
  private String path(List<Object> path) {
    if (!flavour.get().mariaDb()) {
      return JsonPaths.encode(path);
    }
    StringBuilder out = new StringBuilder("$");
    for (Object leg : path) {
      String one = JsonPaths.encode(List.of(leg)).substring(1);
      if (leg instanceof String key && key.startsWith("-")) {
        one = ".\"\\u002d" + one.substring(3);
      }
      out.append(one);
    }
    return out.toString();
  }

  private static List<Object> concat(List<Object> first, Object last) {
    List<Object> out = new ArrayList<>(first);
    out.add(last);
    return out;
  }

  /** A double argument, or AVG of integers would be a DECIMAL with four places. */
  @Override
  public Fragment floatAggregateArgument(Fragment argument) {
    return argument.wrap("(%s + 0e0)");
  }
}
