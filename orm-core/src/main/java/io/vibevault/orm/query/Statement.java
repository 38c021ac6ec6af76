package io.vibevault.orm.query;

import java.util.List;

/**
 * The SQL a QuerySet would send, with its bound parameters ({@code qs.query()}). For reading and
 * logging only: the parameters are shown after the SQL, never spliced into it.
 *
 * <pre>{@code
 * System.out.println(Memory.objects.filter("userId", 1).query());
 * }</pre>
 */
public record Statement(String sql, List<Object> params) {
  @Override
  public String toString() {
    return params.isEmpty() ? sql : sql + " -- params: " + params;
  }
}
