package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code regex} and {@code iregex}: a regular-expression search (not a full match), bound as a
 * parameter.
 *
 * <pre>{@code
 * Memory.objects.filter("title__regex", "^(Summer|Winter) ");
 * }</pre>
 */
public final class Regex extends Lookup {
  private final boolean caseInsensitive;

  public Regex(Expression lhs, Object rhs, boolean caseInsensitive) {
    super(lhs, rhs);
    this.caseInsensitive = caseInsensitive;
  }

  @Override
  public String name() {
    return caseInsensitive ? "iregex" : "regex";
  }

  @Override
  protected Object prepare(Object value) {
    return PatternLookup.text(value, "regex");
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return compiler.ops().regex(compiler.compile(lhs), compileRhs(compiler), caseInsensitive);
  }
}
