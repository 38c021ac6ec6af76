package io.vibevault.orm.expr;

/**
 * Resolves field references while an expression is added to a query: {@code F("user__username")}
 * becomes a column of a (possibly newly joined) table. Implemented by the query description.
 *
 * <pre>{@code
 * Expression col = resolver.resolveRef("createdAt");
 * }</pre>
 */
public interface Resolver {
  /** The expression for a field path or an annotation name; joins tables as needed. */
  Expression resolveRef(String path);
}
