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

  /** Compiles a child expression. */
  Fragment compile(Expression expression);
}
