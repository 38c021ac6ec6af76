package io.vibevault.orm.backend.postgresql;

import io.vibevault.orm.backend.BaseOperations;
import io.vibevault.orm.backend.ColumnReaders;
import io.vibevault.orm.backend.DatePart;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.JsonPaths;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.SqlFunction;
import io.vibevault.orm.backend.TruncKind;
import io.vibevault.orm.backend.ValueFormats;
import io.vibevault.orm.model.FieldKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL PostgreSQL is given: {@code "quoted"} names, {@code UPPER(x::text) LIKE UPPER(?)}, {@code
 * ~} / {@code ~*}, {@code EXTRACT} in UTC, {@code = ANY(?)} for IN lists, and JSON reached with
 * {@code ->} chains whose keys and indexes are bound parameters.
 *
 * <pre>{@code
 * PostgresqlOperations ops = new PostgresqlOperations();
 * ops.jsonExtractScalar(Fragment.sql("\"metrics\""), List.of("sentiment", "label"));
 * // ("metrics" -> ? ->> ?)   with ? = 'sentiment', 'label'
 * }</pre>
 */
public final class PostgresqlOperations extends BaseOperations {
  private static final Set<String> EXPLAIN_FORMATS = Set.of("TEXT", "JSON", "YAML", "XML");

  public PostgresqlOperations() {
    super('"');
  }

  @Override
  public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    PostgresqlValues.bind(ps, index, value);
  }

  @Override
  public Object read(ResultSet rs, int index, FieldKind kind) throws SQLException {
    return PostgresqlValues.read(rs, index, kind);
  }

  @Override
  public ValueReader reader(int index, FieldKind kind) {
    ValueReader specialised =
        kind == FieldKind.DATE_TIME
            ? rs -> PostgresqlValues.instant(rs, index)
            : kind == null ? null : ColumnReaders.plain(index, kind);
    return specialised != null ? specialised : super.reader(index, kind);
  }

  @Override
  public Object readAny(ResultSet rs, int index) throws SQLException {
    return PostgresqlValues.readAny(rs, index);
  }

  @Override
  protected ErrorKind classify(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return ErrorKind.OPERATIONAL;
    }
    return switch (state) {
      case "40P01" -> ErrorKind.DEADLOCK;
      case "40001" -> ErrorKind.SERIALIZATION;
      case "55P03" -> ErrorKind.LOCK_NOT_AVAILABLE;
      case "0A000" -> ErrorKind.NOT_SUPPORTED;
      default -> classifyState(state);
    };
  }

  @Override
  protected String caseFold(String sql) {
    return "UPPER(" + sql + ")";
  }

  @Override
  protected String concat(List<String> parts) {
    return "(" + String.join(" || ", parts) + ")";
  }

  @Override
  protected String textOperand(String sql) {
    return "(" + sql + ")::text";
  }

  @Override
  public Fragment regex(Fragment lhs, Fragment rhs, boolean caseInsensitive) {
    return join(
        textOperand(lhs.sql()) + (caseInsensitive ? " ~* " : " ~ ") + textOperand(rhs.sql()),
        lhs,
        rhs);
  }

  @Override
  protected String datePartSql(DatePart part, String expression, FieldKind kind) {
    String x = kind == FieldKind.DATE_TIME ? "(" + expression + " AT TIME ZONE 'UTC')" : expression;
    return switch (part) {
      case YEAR -> extract("YEAR", x);
      case ISO_YEAR -> extract("ISOYEAR", x);
      case QUARTER -> extract("QUARTER", x);
      case MONTH -> extract("MONTH", x);
      case WEEK -> extract("WEEK", x);
      case DAY -> extract("DAY", x);
      case WEEK_DAY -> "(" + extract("DOW", x) + " + 1)";
      case ISO_WEEK_DAY -> extract("ISODOW", x);
      case HOUR -> extract("HOUR", x);
      case MINUTE -> extract("MINUTE", x);
      // EXTRACT(SECOND) has the fraction; Django's second is the whole second.
      case SECOND -> "CAST(FLOOR(EXTRACT(SECOND FROM " + x + ")) AS integer)";
    };
  }

  private static String extract(String field, String x) {
    return "CAST(EXTRACT(" + field + " FROM " + x + ") AS integer)";
  }

  @Override
  public Fragment dateTimeAdd(Fragment dateTime, Fragment duration, boolean subtract) {
    return Fragment.format(subtract ? "(%s - %s)" : "(%s + %s)", dateTime, duration);
  }

  @Override
  public Fragment dateTimeDiff(Fragment lhs, Fragment rhs, FieldKind kind) {
    // date - date is a number of days; timestamptz - timestamptz already an interval.
    return Fragment.format(
        kind == FieldKind.DATE ? "((%s - %s) * INTERVAL '1 day')" : "(%s - %s)", lhs, rhs);
  }

  @Override
  public Fragment castToDate(Fragment lhs) {
    return lhs.wrap("((%s AT TIME ZONE 'UTC')::date)");
  }

  @Override
  public Fragment castToTime(Fragment lhs) {
    return lhs.wrap("((%s AT TIME ZONE 'UTC')::time)");
  }

  // ---------------------------------------------------------------- functions

  @Override
  public Fragment function(SqlFunction function, List<Fragment> args) {
    Fragment own = PostgresqlFunctions.function(function, args);
    return own != null ? own : super.function(function, args);
  }

  @Override
  public Fragment cast(Fragment x, FieldKind kind) {
    return PostgresqlFunctions.cast(x, kind);
  }

  @Override
  public Fragment castToDecimal(Fragment x, int maxDigits, int decimalPlaces) {
    return x.wrap("(%s)::numeric(" + maxDigits + ", " + decimalPlaces + ")");
  }

  @Override
  protected Fragment localDateTime(Fragment utc, ZoneId zone) {
    return PostgresqlFunctions.local(utc, zone);
  }

  @Override
  public Fragment dateTrunc(
      TruncKind trunc, Fragment x, FieldKind inputKind, FieldKind outputKind, ZoneId zone) {
    return PostgresqlFunctions.trunc(trunc, x, inputKind, outputKind, zone);
  }

  @Override
  public Fragment now() {
    // Django's Now() on PostgreSQL: the statement's start, not the transaction's.
    return Fragment.sql("STATEMENT_TIMESTAMP()");
  }

  @Override
  public Fragment jsonObject(List<String> keys, List<Fragment> values, List<FieldKind> kinds) {
    return PostgresqlFunctions.jsonObject(keys, values);
  }

  @Override
  public Fragment inList(Fragment lhs, List<Object> values, FieldKind kind) {
    List<Object> params = new ArrayList<>(lhs.params());
    params.add(new PostgresqlArrayParameter(kind, List.copyOf(values)));
    return new Fragment(lhs.sql() + " = ANY(?)", params);
  }

  @Override
  public String explainPrefix(Map<String, String> options) {
    if (options.isEmpty()) {
      return "EXPLAIN ";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> o : options.entrySet()) {
      String key = o.getKey().toLowerCase(Locale.ROOT);
      String value = o.getValue() == null ? "true" : o.getValue().strip().toUpperCase(Locale.ROOT);
      if (!PostgresqlFeatures.EXPLAIN_OPTIONS.contains(key)) {
        throw new IllegalArgumentException("Unknown EXPLAIN option: " + o.getKey());
      }
      boolean valid =
          key.equals("format")
              ? EXPLAIN_FORMATS.contains(value)
              : value.equals("TRUE") || value.equals("FALSE");
      if (!valid) {
        throw new IllegalArgumentException(
            "Invalid value for EXPLAIN option " + key + ": " + o.getValue());
      }
      parts.add(key.toUpperCase(Locale.ROOT) + " " + value);
    }
    return "EXPLAIN (" + String.join(", ", parts) + ") ";
  }

  @Override
  protected String booleanLiteral(boolean b) {
    return b ? "true" : "false";
  }

  @Override
  protected String dateTimeLiteral(Instant i) {
    return stringLiteral(ValueFormats.formatDateTime(i) + "+00");
  }

  @Override
  protected String durationLiteral(Duration d) {
    return stringLiteral(PostgresqlValues.intervalText(d)) + "::interval";
  }

  @Override
  protected String uuidLiteral(UUID u) {
    return stringLiteral(u.toString()) + "::uuid";
  }

  @Override
  protected String jsonLiteral(JsonText json) {
    return stringLiteral(json.text()) + "::jsonb";
  }

  /**
   * Text with a backslash or a control character becomes an escape-string literal ({@code E'...'}):
   * the {@code E} form reads backslashes the same whatever {@code standard_conforming_strings}
   * says, so no text can end the literal early (THREATS H-72), and control characters become {@code
   * \xhh} so a statement stays on one line in sqlmigrate's output. Other text stays a plain
   * literal.
   */
  @Override
  protected String stringLiteral(String s) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c != '\\' && c >= 0x20 && c != 0x7f;
    }
    if (plain) {
      return super.stringLiteral(s);
    }
    StringBuilder out = new StringBuilder("E'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        throw new IllegalArgumentException("A SQL literal may not contain NUL");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\'') {
        out.append("''");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  @Override
  public String quoteValue(Object value) {
    if (value instanceof byte[] b) {
      return "'\\x" + HexFormat.of().formatHex(b) + "'::bytea";
    }
    return super.quoteValue(value);
  }

  // ---------------------------------------------------------------- JSON

  /** {@code (column -> ? -> ?)}: a key leg binds text, an index leg binds an integer. */
  private static Fragment chain(Fragment column, List<Object> path, boolean lastAsText) {
    if (path.isEmpty()) {
      return lastAsText ? column.wrap("((%s) #>> '{}')") : column;
    }
    StringBuilder sql = new StringBuilder("(").append(column.sql());
    List<Object> params = new ArrayList<>(column.params());
    for (int i = 0; i < path.size(); i++) {
      Object leg = path.get(i);
      sql.append(lastAsText && i == path.size() - 1 ? " ->> ?" : " -> ?");
      params.add(leg instanceof String key ? checkKey(key) : (Object) JsonPaths.arrayIndex(leg));
    }
    return new Fragment(sql.append(')').toString(), params);
  }

  private static String checkKey(String key) {
    if (key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("A JSON key may not contain NUL");
    }
    return key;
  }

  @Override
  public Fragment jsonExtract(Fragment column, List<Object> path) {
    return chain(column, path, false);
  }

  @Override
  public Fragment jsonExtractScalar(Fragment column, List<Object> path) {
    return chain(column, path, true);
  }

  @Override
  public Fragment jsonExtractNumber(Fragment column, List<Object> path) {
    return Fragment.format(
        "(CASE WHEN jsonb_typeof(%s) = 'number' THEN (%s)::numeric END)",
        chain(column, path, false), chain(column, path, true));
  }

  @Override
  public Fragment jsonValue(JsonText value) {
    return Fragment.of("CAST(? AS jsonb)", value);
  }

  @Override
  public Fragment jsonHasKey(Fragment column, List<Object> path) {
    // -> gives the jsonb 'null' for a JSON null and SQL NULL only when nothing is there.
    return chain(column, path, false).wrap("(%s IS NOT NULL)");
  }

  @Override
  public Fragment jsonContains(Fragment column, JsonText value, boolean containedBy) {
    return join(
        "(" + column.sql() + (containedBy ? " <@ " : " @> ") + "CAST(? AS jsonb))",
        column,
        Fragment.of("?", value));
  }
}
