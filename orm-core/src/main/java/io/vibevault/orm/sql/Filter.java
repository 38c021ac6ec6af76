package io.vibevault.orm.sql;

import io.vibevault.orm.expr.Expression;
import java.util.List;

/**
 * A condition as the QuerySet layer hands it to the query description: a tree of keyword lookups
 * ({@code "title__icontains" = "beach"}) and boolean expressions. The public {@code Q} object turns
 * itself into this form.
 *
 * <pre>{@code
 * Filter f = new Filter.Node(Connector.OR, false,
 *     List.of(new Filter.Leaf("mediaType", "photo"), new Filter.Leaf("mediaType", "audio")));
 * }</pre>
 */
public sealed interface Filter {
  /** One keyword lookup. */
  record Leaf(String key, Object value) implements Filter {}

  /** Children joined by a connector, possibly negated. */
  record Node(Connector connector, boolean negated, List<Filter> children) implements Filter {
    public Node {
      children = List.copyOf(children);
    }
  }

  /** A boolean expression used as a condition. */
  record Condition(Expression expression) implements Filter {}
}
