package io.vibevault.orm.expr;

import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;

/**
 * What an expression needs while it turns itself into SQL: the backend's operations and features,
 * identifier quoting, and compilation of its children. Implemented by the SQL compiler.
 *
 * <pre>{@code
 * Fragment lhs = compiler.compile(lhsExpression);
 * Fragment sql = compiler.ops().iexact(lhs, rhs);
 * }</pre>
 */
public interface Compiler {
  Operations ops();

  Features features();

  /** Quotes an identifier taken from model metadata. */
  default String quote(String name) {
    return ops().quoteName(name);
  }

  /** Quotes a column of a table alias taken from model metadata: {@code "alias"."column"}. */
  default String quoteColumn(String alias, String column) {
    return ops().quoteColumn(alias, column);
  }

  /** Compiles a child expression. */
  Fragment compile(Expression expression);

  /**
   * The name a table alias of the query has in the SQL being written: the alias itself, or a
   * relabelled one inside a subquery (so the inner query's tables never shadow the outer ones).
   */
  default String tableAlias(String alias) {
    return alias;
  }

  /**
   * Compiles a reference to the query {@code depth} levels out ({@link OuterRef}); only a compiler
   * writing a subquery has one.
   */
  default Fragment compileOuterRef(String name, int depth) {
    throw new io.vibevault.orm.exception.ArgumentError(
        "This queryset contains a reference to an outer query (OuterRef("
            + io.vibevault.orm.exception.FieldError.quote(name)
            + ")) and may only be used in a subquery.");
  }
}
