package io.vibevault.orm.tests.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.lookup.Transform;
import io.vibevault.orm.model.FieldKind;

/** A custom transform, Django's documentation example: {@code field__abs__lt=27}. */
public final class AbsoluteValue extends Transform {
  public AbsoluteValue(Expression lhs) {
    super(lhs);
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return compiler.compile(lhs).wrap("ABS(%s)");
  }

  @Override
  public FieldKind outputKind() {
    return FieldKind.INTEGER;
  }
}
