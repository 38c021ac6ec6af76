package io.vibevault.orm.backend;

import static io.vibevault.orm.backend.ValueFormats.formatDateTime;
import static io.vibevault.orm.backend.ValueFormats.formatTime;
import static io.vibevault.orm.backend.ValueFormats.micros;
import static io.vibevault.orm.backend.ValueFormats.uuidHex;

import io.vibevault.orm.exception.DataError;
import io.vibevault.orm.exception.DatabaseBusy;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.DeadlockDetected;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.LockNotAvailable;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.OperationalError;
import io.vibevault.orm.exception.ProgrammingError;
import io.vibevault.orm.exception.SerializationFailure;
import io.vibevault.orm.exception.TooManyParametersError;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the backends' {@link Operations} share (with the date parts and functions of {@link
 * BaseFunctionOperations}): identifier quoting, LIKE patterns built in SQL, chunked IN lists,
 * paging, DDL literals (in the forms of {@link ValueFormats}) and the mapping of driver errors to
 * the ORM's exceptions. A vendor subclass supplies the pieces of syntax that differ.
 *
 * <pre>{@code
 * class MyOperations extends BaseOperations {
 *   MyOperations() { super('"'); }
 *   protected String caseFold(String sql) { return "UPPER(" + sql + ")"; }
 *   ...
 * }
 * }</pre>
 */
public abstract class BaseOperations extends BaseFunctionOperations {
  /** What kind of failure a driver exception reports, whatever the vendor. */
  protected enum ErrorKind {
    INTEGRITY,
    DATA,
    PROGRAMMING,
    NOT_SUPPORTED,
    DEADLOCK,
    SERIALIZATION,
    LOCK_NOT_AVAILABLE,
    BUSY,
    OPERATIONAL
  }

  private final char quote;

  /**
   * Identifiers already quoted: model tables, columns and aliases, a bounded set, quoted for every
   * column of every query compiled (a third of compiling a primary-key lookup before this).
   */
  private final Map<String, String> quoted = new ConcurrentHashMap<>();

  private static final int QUOTED_LIMIT = 10_000;

  /**
   * {@link #quoteColumn} by alias, then column: one string per pair instead of one concatenated per
   * use, and its hash kept. A grouped query hashes each grouping term to keep it once, and
   * concatenating and hashing a fresh string per column per compile was 4-5% of compiling one.
   */
  private final Map<String, Map<String, String>> qualified = new ConcurrentHashMap<>();

  private final AtomicInteger qualifiedCount = new AtomicInteger();

  protected BaseOperations(char quote) {
    this.quote = quote;
  }

  // ---------------------------------------------------------------- identifiers

  @Override
  public String quoteName(String name) {
    String known = name == null ? null : quoted.get(name);
    if (known != null) {
      return known;
    }
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("An identifier may not be empty");
    }
    if (name.indexOf(quote) >= 0 || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "Identifier may not contain " + quote + " or NUL: " + name.replace("\0", "\\0"));
    }
    String result = quote + name + quote;
    if (quoted.size() < QUOTED_LIMIT) {
      quoted.put(name, result);
    }
    return result;
  }

  @Override
  public String quoteColumn(String alias, String column) {
    Map<String, String> columns = qualified.get(alias);
    String known = columns == null ? null : columns.get(column);
    if (known != null) {
      return known;
    }
    String result = quoteName(alias) + "." + quoteName(column);
    // Both names were checked by quoteName; join aliases (T2, T3, ...) are few and repeat.
    if (qualifiedCount.get() < QUOTED_LIMIT) {
      qualifiedCount.incrementAndGet();
      qualified.computeIfAbsent(alias, a -> new ConcurrentHashMap<>()).put(column, result);
    }
    return result;
  }

  /**
   * Quotes a bare name and keeps an already quoted one: positions such as {@code FOR UPDATE OF} and
   * {@code ON CONFLICT (...)} receive either from the compiler.
   */
  protected String quoteIfBare(String name) {
    int n = name.length();
    if (n >= 3
        && name.charAt(0) == quote
        && name.charAt(n - 1) == quote
        && name.substring(1, n - 1).indexOf(quote) < 0) {
      return name;
    }
    return quoteName(name);
  }

  // ---------------------------------------------------------------- errors

  /** Classifies the most specific exception of a driver failure. */
  protected abstract ErrorKind classify(SQLException e);

  /**
   * The kind a standard SQLSTATE class names (23 integrity, 22 data, 42 syntax or access), for the
   * states a vendor's own codes do not single out; {@code OPERATIONAL} for any other.
   */
  protected static ErrorKind classifyState(String state) {
    if (state.startsWith("23")) {
      return ErrorKind.INTEGRITY;
    }
    if (state.startsWith("22")) {
      return ErrorKind.DATA;
    }
    if (state.startsWith("42")) {
      return ErrorKind.PROGRAMMING;
    }
    return ErrorKind.OPERATIONAL;
  }

  @Override
  public DatabaseError translate(SQLException e, String sql) {
    SQLException specific = mostSpecific(e);
    String message = errorMessage(specific, sql);
    String state = specific.getSQLState();
    int code = specific.getErrorCode();
    return switch (classify(specific)) {
      case INTEGRITY -> new IntegrityError(message, e, state, code);
      case DATA -> new DataError(message, e, state, code);
      case PROGRAMMING -> new ProgrammingError(message, e, state, code);
      case NOT_SUPPORTED -> new NotSupportedError(message, e, state, code);
      case DEADLOCK -> new DeadlockDetected(message, e, state, code);
      case SERIALIZATION -> new SerializationFailure(message, e, state, code);
      case LOCK_NOT_AVAILABLE -> new LockNotAvailable(message, e, state, code);
      case BUSY -> new DatabaseBusy(message, e, state, code);
      case OPERATIONAL -> new OperationalError(message, e, state, code);
    };
  }

  /** A batch failure's own error, or a pool's wrapped driver error, when there is one. */
  protected static SQLException mostSpecific(SQLException e) {
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      return e.getNextException();
    }
    if (e.getSQLState() == null && e.getCause() instanceof SQLException cause) {
      return cause;
    }
    return e;
  }

  /** The driver's message followed by the statement, for logs (never for HTTP bodies). */
  protected static String errorMessage(SQLException e, String sql) {
    String driver = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    return sql == null ? driver : driver + " [SQL: " + sql + "]";
  }

  // ---------------------------------------------------------------- pattern lookups

  /** Unicode-aware case folding of an SQL expression ({@code UPPER(x)}, {@code LOWER(x)}). */
  protected abstract String caseFold(String sql);

  /** String concatenation of SQL expressions. */
  protected abstract String concat(List<String> parts);

  /** The operand of a text comparison: a backend with strict types casts it to text. */
  protected String textOperand(String sql) {
    return sql;
  }

  /** The escape clause of every LIKE, written so the vendor reads one backslash. */
  protected String likeEscape() {
    return " ESCAPE '\\'";
  }

  @Override
  public Fragment patternMatch(PatternKind kind, Fragment lhs, Fragment rhs, boolean rhsIsPattern) {
    String left = textOperand(lhs.sql());
    String right;
    if (rhsIsPattern) {
      right = rhs.sql();
    } else {
      // The value is only known to the database: escape \ first, then the wildcards, in SQL.
      String escaped = textOperand(rhs.sql());
      escaped = replace(escaped, "\\", "\\\\");
      escaped = replace(escaped, "%", "\\%");
      escaped = replace(escaped, "_", "\\_");
      List<String> parts = new ArrayList<>();
      if (kind.leadingWildcard()) {
        parts.add("'%'");
      }
      parts.add(escaped);
      if (kind.trailingWildcard()) {
        parts.add("'%'");
      }
      right = parts.size() == 1 ? escaped : concat(parts);
    }
    if (kind.caseInsensitive()) {
      left = caseFold(left);
      right = caseFold(right);
    }
    return join(left + " LIKE " + right + likeEscape(), lhs, rhs);
  }

  private String replace(String sql, String from, String to) {
    return "REPLACE(" + sql + ", " + stringLiteral(from) + ", " + stringLiteral(to) + ")";
  }

  @Override
  public Fragment iexact(Fragment lhs, Fragment rhs) {
    return join(
        caseFold(textOperand(lhs.sql())) + " = " + caseFold(textOperand(rhs.sql())), lhs, rhs);
  }

  /** SQL text with the params of {@code first} then {@code second}. */
  protected static Fragment join(String sql, Fragment first, Fragment second) {
    List<Object> params = new ArrayList<>(first.params());
    params.addAll(second.params());
    return new Fragment(sql, params);
  }

  // ---------------------------------------------------------------- lists, paging, ordering

  /**
   * {@code lhs IN (?, ...)} in chunks of at most {@code chunk} values OR-ed together; more values
   * than the backend can bind in one statement is refused before anything is sent.
   */
  protected static Fragment inListChunked(
      Fragment lhs, List<Object> values, int chunk, int maxParams) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    if (values.size() + lhs.params().size() > maxParams) {
      throw new TooManyParametersError(
          "An IN list of "
              + values.size()
              + " values exceeds the backend's limit of "
              + maxParams
              + " parameters");
    }
    List<Fragment> parts = new ArrayList<>();
    for (int from = 0; from < values.size(); from += chunk) {
      List<Object> slice = values.subList(from, Math.min(values.size(), from + chunk));
      List<Object> params = new ArrayList<>(lhs.params());
      params.addAll(slice);
      parts.add(new Fragment(lhs.sql() + " IN (" + "?, ".repeat(slice.size() - 1) + "?)", params));
    }
    return parts.size() == 1 ? parts.get(0) : Fragment.join(" OR ", parts).wrap("(%s)");
  }

  /** The LIMIT to write when only an offset is given, or null when OFFSET stands alone. */
  protected String noLimit() {
    return null;
  }

  /**
   * Whether LIMIT and OFFSET are bound parameters (one SQL text for every page) or integer
   * literals, as Django writes them. A backend whose planner reads a bound LIMIT's value, and so
   * compiles a statement again each time it is bound, writes literals.
   */
  protected boolean bindsLimits() {
    return true;
  }

  @Override
  public Fragment limitOffset(Long limit, long offset) {
    if (limit != null && limit < 0 || offset < 0) {
      throw new IllegalArgumentException("Negative LIMIT or OFFSET");
    }
    if (limit == null && offset == 0) {
      return Fragment.EMPTY;
    }
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    // Literals are checked longs, never the caller's text: nothing but digits reaches the SQL.
    if (limit != null) {
      appendBound(sql, params, " LIMIT ", limit);
    } else if (noLimit() != null) {
      sql.append(" LIMIT ").append(noLimit());
    }
    if (offset > 0) {
      appendBound(sql, params, " OFFSET ", offset);
    }
    return new Fragment(sql.toString(), params);
  }

  private void appendBound(StringBuilder sql, List<Object> params, String keyword, long value) {
    sql.append(keyword);
    if (bindsLimits()) {
      sql.append('?');
      params.add(value);
    } else {
      sql.append(value);
    }
  }

  /**
   * {@code FOR UPDATE [OF ...] [NOWAIT | SKIP LOCKED]}: NOWAIT wins when both are asked for. A
   * backend without row locks, or without some of these options, overrides this.
   */
  @Override
  public String forUpdate(boolean nowait, boolean skipLocked, List<String> ofTables) {
    StringBuilder sql = new StringBuilder(" FOR UPDATE");
    if (ofTables != null && !ofTables.isEmpty()) {
      sql.append(" OF ")
          .append(String.join(", ", ofTables.stream().map(this::quoteIfBare).toList()));
    }
    if (nowait) {
      sql.append(" NOWAIT");
    } else if (skipLocked) {
      sql.append(" SKIP LOCKED");
    }
    return sql.toString();
  }

  @Override
  public String randomFunction() {
    return "RANDOM()";
  }

  @Override
  public Fragment orderBy(Fragment expression, boolean descending, Boolean nullsFirst) {
    String sql = expression.sql() + (descending ? " DESC" : " ASC");
    if (nullsFirst != null) {
      sql += nullsFirst ? " NULLS FIRST" : " NULLS LAST";
    }
    return new Fragment(sql, expression.params());
  }

  @Override
  public String returning(List<String> quotedColumns) {
    return " RETURNING " + String.join(", ", quotedColumns);
  }

  @Override
  public String[] onConflict(
      boolean ignore, List<String> uniqueColumns, List<String> updateColumns) {
    String target =
        uniqueColumns == null || uniqueColumns.isEmpty()
            ? ""
            : " ("
                + String.join(", ", uniqueColumns.stream().map(this::quoteIfBare).toList())
                + ")";
    if (ignore) {
      return new String[] {"INSERT INTO", " ON CONFLICT" + target + " DO NOTHING"};
    }
    if (updateColumns == null || updateColumns.isEmpty()) {
      return new String[] {"INSERT INTO", ""};
    }
    if (target.isEmpty()) {
      throw new IllegalArgumentException("An upsert must name the unique columns that conflict");
    }
    List<String> sets = new ArrayList<>();
    for (String column : updateColumns) {
      String q = quoteIfBare(column);
      sets.add(q + " = EXCLUDED." + q);
    }
    return new String[] {
      "INSERT INTO", " ON CONFLICT" + target + " DO UPDATE SET " + String.join(", ", sets)
    };
  }

  // ---------------------------------------------------------------- DDL literals

  @Override
  public String quoteValue(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Boolean b) {
      return booleanLiteral(b);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException("No SQL literal for " + d);
      }
      return d.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof String s) {
      return stringLiteral(s);
    }
    if (value instanceof LocalDate d) {
      return stringLiteral(d.toString());
    }
    if (value instanceof Instant i) {
      return dateTimeLiteral(i);
    }
    if (value instanceof LocalTime t) {
      return stringLiteral(formatTime(t));
    }
    if (value instanceof Duration d) {
      return durationLiteral(d);
    }
    if (value instanceof UUID u) {
      return uuidLiteral(u);
    }
    if (value instanceof JsonText j) {
      return jsonLiteral(j);
    }
    if (value instanceof byte[] b) {
      return "X'" + HexFormat.of().formatHex(b) + "'";
    }
    throw new IllegalArgumentException("No SQL literal for " + value.getClass().getName());
  }

  /** A string literal: quotes doubled; NUL refused (no backend stores it the same way). */
  protected String stringLiteral(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("A SQL literal may not contain NUL");
    }
    return "'" + s.replace("'", "''") + "'";
  }

  protected String booleanLiteral(boolean b) {
    return b ? "1" : "0";
  }

  protected String dateTimeLiteral(Instant i) {
    return stringLiteral(formatDateTime(i));
  }

  protected String durationLiteral(Duration d) {
    return Long.toString(micros(d));
  }

  protected String uuidLiteral(UUID u) {
    return stringLiteral(uuidHex(u));
  }

  protected String jsonLiteral(JsonText json) {
    return stringLiteral(json.text());
  }
}
