package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.execution.RowReader;
import io.vibevault.orm.execution.RowStream;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.PrimaryKeySelect;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.SelectCache;
import io.vibevault.orm.sql.SqlCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Runs a query description on a database alias: compiles it for that alias's backend and executes
 * it. A query that can match nothing ({@code id__in=[]}) is answered without a statement. The
 * QuerySets keep chaining and caching; this class only evaluates.
 */
final class QueryRunner {
  /** How a QuerySet reads the rows of a compiled select. */
  @FunctionalInterface
  interface ReaderFactory<R> {
    RowReader<R> reader(CompiledSelect select, Backend backend, String db);
  }

  /** An EXPLAIN option value: one word; the backend then checks it against its allowlist. */
  private static final Pattern EXPLAIN_VALUE = Pattern.compile("[A-Za-z0-9_]{1,32}");

  private QueryRunner() {}

  private static SqlCompiler compiler(Query query, Backend backend) {
    return new SqlCompiler(query, backend.operations(), backend.features());
  }

  private static void checkLocking(Query query, DatabaseConnection connection) {
    if (query.isSelectForUpdate() && !connection.inAtomicBlock()) {
      throw new TransactionManagementError(
          "select_for_update cannot be used outside of a transaction.");
    }
  }

  /**
   * The select for the connection's backend, or {@code null} when the query can match nothing and
   * needs no statement; refuses a locking select outside a transaction first.
   */
  private static CompiledSelect selectOrNull(Query query, DatabaseConnection connection) {
    checkLocking(query, connection);
    try {
      Backend backend = connection.backend();
      return SelectCache.compileSelect(query, backend.operations(), backend.features());
    } catch (EmptyResultSet e) {
      return null;
    }
  }

  static <R> List<R> fetch(Query query, String db, ReaderFactory<R> factory) {
    DatabaseConnection connection = Database.connection(db);
    CompiledSelect select = selectOrNull(query, connection);
    if (select == null) {
      return new ArrayList<>();
    }
    return fetch(connection, select, factory);
  }

  /**
   * The rows of {@code get(pk=value)} on a bare query through its precompiled select ({@link
   * PrimaryKeySelect}); null when the query or the value need the general path.
   */
  static <R> List<R> fetchByPrimaryKey(
      Query query, Object value, String db, ReaderFactory<R> factory) {
    DatabaseConnection connection = Database.connection(db);
    Backend backend = connection.backend();
    CompiledSelect select =
        PrimaryKeySelect.compile(query, value, backend.operations(), backend.features());
    return select == null ? null : fetch(connection, select, factory);
  }

  private static <R> List<R> fetch(
      DatabaseConnection connection, CompiledSelect select, ReaderFactory<R> factory) {
    Backend backend = connection.backend();
    RowReader<R> reader = factory.reader(select, backend, connection.alias());
    return connection.query(
        select.sql(),
        select.params(),
        rs -> {
          List<R> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(reader.read(rs));
          }
          return rows;
        });
  }

  static <R> ResultIterator<R> stream(
      Query query, String db, int chunkSize, ReaderFactory<R> factory) {
    DatabaseConnection connection = Database.connection(db);
    CompiledSelect select = selectOrNull(query, connection);
    if (select == null) {
      return new ResultIterator<>() {
        @Override
        public boolean hasNext() {
          return false;
        }

        @Override
        public R next() {
          throw new NoSuchElementException();
        }

        @Override
        public void close() {}
      };
    }
    Backend backend = connection.backend();
    RowStream<R> rows =
        RowStream.open(
            connection,
            select.sql(),
            select.params(),
            chunkSize,
            factory.reader(select, backend, connection.alias()));
    return new ResultIterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public R next() {
        return rows.next();
      }

      @Override
      public void close() {
        rows.close();
      }
    };
  }

  static long count(Query query, String db) {
    DatabaseConnection connection = Database.connection(db);
    Fragment sql;
    try {
      sql = compiler(query, connection.backend()).compileCount();
    } catch (EmptyResultSet e) {
      return 0;
    }
    return connection.query(sql.sql(), sql.params(), rs -> rs.next() ? rs.getLong(1) : 0L);
  }

  static boolean exists(Query query, String db) {
    DatabaseConnection connection = Database.connection(db);
    Fragment sql;
    try {
      sql = compiler(query, connection.backend()).compileExists();
    } catch (EmptyResultSet e) {
      return false;
    }
    return connection.query(sql.sql(), sql.params(), rs -> rs.next());
  }

  static Statement statement(Query query, String db) {
    try {
      CompiledSelect s = compiler(query, Database.connection(db).backend()).compileSelect();
      return new Statement(s.sql(), s.params());
    } catch (EmptyResultSet e) {
      return new Statement("-- matches nothing: no query is sent", List.of());
    }
  }

  static String explain(Query query, String db, Map<String, String> options) {
    DatabaseConnection connection = Database.connection(db);
    Backend backend = connection.backend();
    // Option names are keywords: matched without regard to case, passed on in lower case.
    Map<String, String> normalised = new LinkedHashMap<>();
    for (Map.Entry<String, String> o : options.entrySet()) {
      String name = o.getKey() == null ? "" : o.getKey().toLowerCase(Locale.ROOT);
      if (!backend.features().explainOptions().contains(name)) {
        throw new ArgumentError(
            "Unknown EXPLAIN option "
                + FieldError.quote(o.getKey())
                + "; allowed: "
                + backend.features().explainOptions());
      }
      String value = o.getValue();
      if (value != null && !EXPLAIN_VALUE.matcher(value).matches()) {
        throw new ArgumentError(
            "Invalid value " + FieldError.quote(value) + " for EXPLAIN option " + name);
      }
      normalised.put(name, value);
    }
    String prefix;
    try {
      prefix = backend.operations().explainPrefix(normalised);
    } catch (ArgumentError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // The backend's own allowlist of values (formats, booleans) refused it.
      throw new ArgumentError(e.getMessage());
    }
    CompiledSelect s;
    try {
      s = compiler(query, backend).compileSelect();
    } catch (EmptyResultSet e) {
      return "-- matches nothing: no query is sent";
    }
    return connection.query(
        prefix + " " + s.sql(),
        s.params(),
        rs -> {
          StringBuilder out = new StringBuilder();
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
              cells.add(String.valueOf(rs.getObject(i)));
            }
            out.append(String.join(" ", cells)).append('\n');
          }
          return out.toString().stripTrailing();
        });
  }
}
