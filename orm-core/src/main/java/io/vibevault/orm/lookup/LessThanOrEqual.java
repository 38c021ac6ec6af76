package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code lte}: less than or equal.
 *
 * <pre>{@code
 * Memory.objects.filter("viewCount__lte", 10);
 * }</pre>
 */
public final class LessThanOrEqual extends Lookup {
  public LessThanOrEqual(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "lte";
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return Fragment.format("%s <= %s", compiler.compile(lhs), compileRhs(compiler));
  }
}
