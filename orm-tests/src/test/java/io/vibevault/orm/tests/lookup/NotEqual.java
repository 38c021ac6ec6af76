package io.vibevault.orm.tests.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.lookup.Lookup;

/** A custom lookup, Django's documentation example: {@code field__ne=value} is {@code <>}. */
public final class NotEqual extends Lookup {
  public NotEqual(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "ne";
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return Fragment.format("%s <> %s", compiler.compile(lhs), compileRhs(compiler));
  }
}
