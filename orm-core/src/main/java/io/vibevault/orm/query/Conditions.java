package io.vibevault.orm.query;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.sql.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments {@code filter()}, {@code exclude()} and {@code get()} take, turned into the query's
 * filter tree: {@link Q} objects, expressions, maps of lookups and {@code key, value} pairs, in any
 * mix. An argument of another type, or a key without its value, is an {@link ArgumentError} that
 * says where it is.
 *
 * <pre>{@code
 * List<Filter> parts = Conditions.parse(new Object[] {"user", 1, Q.of("title", "x").not()});
 * }</pre>
 */
final class Conditions {
  private Conditions() {}

  /** One part per argument (a pair counts as one); empty Q objects and maps add nothing. */
  static List<Filter> parse(Object[] conditions) {
    List<Filter> parts = new ArrayList<>();
    for (int i = 0; i < conditions.length; i++) {
      Object arg = conditions[i];
      if (arg instanceof Q q) {
        if (!q.isEmpty()) {
          parts.add(q.toFilter());
        }
      } else if (arg instanceof String key) {
        if (i + 1 >= conditions.length) {
          throw new ArgumentError("Filter key " + FieldError.quote(key) + " has no value");
        }
        parts.add(new Filter.Leaf(key, conditions[++i]));
      } else if (arg instanceof Map<?, ?> map) {
        Q q = Q.of(castMap(map));
        if (!q.isEmpty()) {
          parts.add(q.toFilter());
        }
      } else if (arg instanceof Expression e) {
        parts.add(new Filter.Condition(e));
      } else {
        throw new ArgumentError(
            "filter() takes Q objects, expressions, maps and key/value pairs; got "
                + (arg == null ? "null" : arg.getClass().getSimpleName())
                + " at position "
                + i);
      }
    }
    return parts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> castMap(Map<?, ?> map) {
    for (Object k : map.keySet()) {
      if (!(k instanceof String)) {
        throw new FieldError(
            "Filter keys must be strings, got "
                + (k == null ? "null" : k.getClass().getSimpleName()));
      }
    }
    return (Map<String, ?>) map;
  }
}
