package io.vibevault.orm.backend.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sqlite.Function;

/**
 * Java functions registered on every SQLite connection: SQLite ships {@code REGEXP} without an
 * implementation, and its {@code upper()} / {@code lower()} only know ASCII, while the ORM promises
 * PostgreSQL's Unicode-aware answers.
 */
final class SqliteFunctions {
  private static final int SQLITE_NULL = 5;

  private SqliteFunctions() {}

  static void register(Connection connection) throws SQLException {
    Function.create(connection, "regexp", new Regexp(), 2, Function.FLAG_DETERMINISTIC);
    Function.create(connection, "vv_upper", new CaseMap(true), 1, Function.FLAG_DETERMINISTIC);
    Function.create(connection, "vv_lower", new CaseMap(false), 1, Function.FLAG_DETERMINISTIC);
  }

  /** {@code value REGEXP pattern}: SQLite calls {@code regexp(pattern, value)}; a search, as ~. */
  private static final class Regexp extends Function {
    private final Map<String, Pattern> cache =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > 64;
          }
        };

    @Override
    protected void xFunc() throws SQLException {
      if (value_type(0) == SQLITE_NULL || value_type(1) == SQLITE_NULL) {
        result();
        return;
      }
      Pattern pattern = compile(value_text(0));
      result(pattern.matcher(value_text(1)).find() ? 1 : 0);
    }

    private synchronized Pattern compile(String regex) throws SQLException {
      Pattern p = cache.get(regex);
      if (p == null) {
        try {
          p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          throw new SQLException("invalid regular expression: " + e.getDescription());
        }
        cache.put(regex, p);
      }
      return p;
    }
  }

  private static final class CaseMap extends Function {
    private final boolean upper;

    CaseMap(boolean upper) {
      this.upper = upper;
    }

    @Override
    protected void xFunc() throws SQLException {
      if (value_type(0) == SQLITE_NULL) {
        result();
        return;
      }
      String s = value_text(0);
      result(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
    }
  }
}
