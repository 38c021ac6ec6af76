package io.vibevault.orm.execution;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.model.FieldKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Raw SQL with bound parameters (Django's {@code connection.cursor()}). The placeholder rule is
 * Django's: {@code %s} marks a parameter and {@code %%} a literal percent sign; a parameter is
 * never put into the SQL text. A query's rows are read when it runs; fetch them with {@link
 * #fetchOne()}, {@link #fetchMany(int)} or {@link #fetchAll()}.
 *
 * <pre>{@code
 * try (Cursor c = Database.connection().cursor()) {
 *   c.execute("SELECT COUNT(*) FROM memories WHERE media_type = %s AND like_count > %s", "photo", 100);
 *   Object[] row = c.fetchOne();
 * }
 * }</pre>
 */
public final class Cursor implements AutoCloseable {
  private final DatabaseConnection connection;
  private List<Object[]> rows = List.of();
  private List<String> columns = List.of();
  private int position;
  private int rowCount = -1;
  private boolean closed;

  Cursor(DatabaseConnection connection) {
    this.connection = connection;
  }

  /** Runs one statement with the given parameters. */
  public Cursor execute(String sql, Object... params) {
    return execute(sql, Arrays.asList(params));
  }

  /** Runs one statement with a list of parameters. */
  public Cursor execute(String sql, List<?> params) {
    checkOpen();
    String jdbc = translatePlaceholders(sql, params.size());
    List<Object> neutral = neutral(params);
    connection.validateNoBrokenTransaction();
    connection.withConnection(
        c -> {
          long start = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(jdbc)) {
            connection.bindAll(ps, neutral);
            boolean hasResult = ps.execute();
            if (hasResult) {
              try (ResultSet rs = ps.getResultSet()) {
                columns = Statements.columnLabels(rs);
                List<Object[]> read = new ArrayList<>();
                while (rs.next()) {
                  Object[] row = new Object[columns.size()];
                  for (int i = 0; i < row.length; i++) {
                    row[i] = connection.ops().readAny(rs, i + 1);
                  }
                  read.add(row);
                }
                rows = read;
                rowCount = read.size();
              }
            } else {
              rows = List.of();
              columns = List.of();
              rowCount = ps.getUpdateCount();
            }
            position = 0;
            return null;
          } finally {
            QueryLog.record(connection.alias(), jdbc, neutral, System.nanoTime() - start);
          }
        },
        jdbc);
    return this;
  }

  /** Runs one statement once per parameter list, as a batch. */
  public Cursor executeMany(String sql, List<? extends List<?>> paramSets) {
    checkOpen();
    if (paramSets.isEmpty()) {
      rowCount = 0;
      return this;
    }
    String jdbc = translatePlaceholders(sql, paramSets.get(0).size());
    List<List<Object>> sets = new ArrayList<>();
    for (List<?> p : paramSets) {
      if (p.size() != paramSets.get(0).size()) {
        throw new ArgumentError("Every parameter list of executeMany must have the same length");
      }
      sets.add(neutral(p));
    }
    int[] counts = connection.executeBatch(jdbc, sets);
    rowCount = Arrays.stream(counts).map(n -> Math.max(n, 0)).sum();
    rows = List.of();
    return this;
  }

  /** The next row, or null when there is none. */
  public Object[] fetchOne() {
    checkOpen();
    return position < rows.size() ? rows.get(position++) : null;
  }

  /** Up to {@code size} next rows. */
  public List<Object[]> fetchMany(int size) {
    checkOpen();
    int end = Math.min(rows.size(), position + size);
    List<Object[]> out = new ArrayList<>(rows.subList(position, end));
    position = end;
    return out;
  }

  /** Every remaining row. */
  public List<Object[]> fetchAll() {
    return fetchMany(Integer.MAX_VALUE - position);
  }

  /** The column labels of the last query. */
  public List<String> columns() {
    return columns;
  }

  /** Rows returned by the last query, or rows changed by the last statement. */
  public int rowCount() {
    return rowCount;
  }

  @Override
  public void close() {
    closed = true;
    rows = List.of();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Cursor is closed");
    }
  }

  private static List<Object> neutral(List<?> params) {
    List<Object> out = new ArrayList<>(params.size());
    for (Object p : params) {
      out.add(FieldKind.neutral(p));
    }
    return out;
  }

  /**
   * {@code %s} becomes {@code ?}, {@code %%} becomes {@code %}; any other {@code %} is an error,
   * and the count of {@code %s} must equal the number of parameters.
   */
  public static String translatePlaceholders(String sql, int paramCount) {
    StringBuilder out = new StringBuilder(sql.length());
    int found = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
      if (next == 's') {
        out.append('?');
        found++;
        i++;
      } else if (next == '%') {
        out.append('%');
        i++;
      } else {
        throw new ArgumentError(
            "Unescaped '%' at offset " + i + " in raw SQL: use %s for a parameter, %% for '%'");
      }
    }
    if (found != paramCount) {
      throw new ArgumentError(
          "Raw SQL has " + found + " %s placeholder(s) but " + paramCount + " parameter(s)");
    }
    return out.toString();
  }
}
