package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code gt}: greater than.
 *
 * <pre>{@code
 * Memory.objects.filter("likeCount__gt", 100);
 * }</pre>
 */
public final class GreaterThan extends Lookup {
  public GreaterThan(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "gt";
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return Fragment.format("%s > %s", compiler.compile(lhs), compileRhs(compiler));
  }
}
