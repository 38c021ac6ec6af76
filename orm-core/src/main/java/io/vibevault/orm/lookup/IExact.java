package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code iexact}: equality ignoring case, Unicode-aware on every backend.
 *
 * <pre>{@code
 * User.objects.get("username__iexact", "ALICE");
 * }</pre>
 */
public final class IExact extends Lookup {
  public IExact(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "iexact";
  }

  @Override
  protected Object prepare(Object value) {
    return PatternLookup.text(value, name());
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return compiler.ops().iexact(compiler.compile(lhs), compileRhs(compiler));
  }
}
