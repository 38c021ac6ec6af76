package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code exact}: equality ({@code filter("title", "Beach day")} is the same). A null value becomes
 * {@code isnull}.
 *
 * <pre>{@code
 * Memory.objects.filter("title__exact", "Beach day");
 * }</pre>
 */
public final class Exact extends Lookup {
  public Exact(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return Fragment.format("%s = %s", compiler.compile(lhs), compileRhs(compiler));
  }
}
