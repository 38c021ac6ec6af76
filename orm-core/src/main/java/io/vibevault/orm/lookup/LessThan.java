package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code lt}: less than.
 *
 * <pre>{@code
 * Memory.objects.filter("sentimentScore__lt", -0.5);
 * }</pre>
 */
public final class LessThan extends Lookup {
  public LessThan(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "lt";
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return Fragment.format("%s < %s", compiler.compile(lhs), compileRhs(compiler));
  }
}
