package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code gte}: greater than or equal.
 *
 * <pre>{@code
 * Memory.objects.filter("createdAt__gte", Instant.parse("2024-01-01T00:00:00Z"));
 * }</pre>
 */
public final class GreaterThanOrEqual extends Lookup {
  public GreaterThanOrEqual(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "gte";
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return Fragment.format("%s >= %s", compiler.compile(lhs), compileRhs(compiler));
  }
}
