package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.model.FieldKind;

/**
 * {@code __date} and {@code __time} of a date-time column, in UTC.
 *
 * <pre>{@code
 * Memory.objects.filter("createdAt__date", LocalDate.of(2024, 7, 4));
 * }</pre>
 */
public final class DateCastTransform extends Transform {
  private final boolean time;

  public DateCastTransform(Expression lhs, boolean time) {
    super(lhs);
    this.time = time;
  }

  @Override
  public Fragment compile(Compiler compiler) {
    Fragment inner = compiler.compile(lhs);
    return time ? compiler.ops().castToTime(inner) : compiler.ops().castToDate(inner);
  }

  @Override
  public FieldKind outputKind() {
    return time ? FieldKind.TIME : FieldKind.DATE;
  }
}
