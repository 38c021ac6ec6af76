package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;

/**
 * {@code isnull}: the column is (or, with false, is not) NULL. Takes a boolean only.
 *
 * <pre>{@code
 * Memory.objects.filter("analysisStatus__isnull", true);
 * }</pre>
 */
public final class IsNull extends Lookup {
  public IsNull(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "isnull";
  }

  @Override
  protected Object prepare(Object value) {
    if (!(value instanceof Boolean)) {
      throw new ArgumentError(
          "The 'isnull' lookup only accepts true or false, got "
              + (value == null
                  ? "null"
                  : io.vibevault.orm.exception.FieldError.quote(String.valueOf(value))));
    }
    return value;
  }

  /** True for {@code isnull=true}. */
  public boolean isNull() {
    return (Boolean) rhs;
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return compiler.compile(lhs).wrap(isNull() ? "%s IS NULL" : "%s IS NOT NULL");
  }
}
