package io.vibevault.orm.execution;

import java.util.List;

/**
 * One statement the ORM sent: its alias, SQL text, bound parameters and duration.
 *
 * <pre>{@code
 * List<CapturedQuery> ran = Database.captureQueries(() -> Memory.objects.count());
 * ran.get(0).sql();
 * }</pre>
 */
public record CapturedQuery(String alias, String sql, List<Object> params, long nanos) {
  /**
   * Whether this is transaction control (BEGIN, COMMIT, SAVEPOINT, ...), which query counts skip.
   */
  public boolean isTransactionControl() {
    String s = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
    return s.startsWith("BEGIN")
        || s.startsWith("COMMIT")
        || s.startsWith("ROLLBACK")
        || s.startsWith("SAVEPOINT")
        || s.startsWith("RELEASE SAVEPOINT");
  }

  @Override
  public String toString() {
    return sql + (params.isEmpty() ? "" : " " + params);
  }
}
