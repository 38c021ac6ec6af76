package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.DatePart;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.model.FieldKind;

/**
 * Extracts an integer part of a date or date-time column in UTC ({@code createdAt__year}, {@code
 * __month}, {@code __week_day}, ...). Chains with comparisons ({@code createdAt__hour__gte}).
 *
 * <pre>{@code
 * Memory.objects.filter("createdAt__year", 2024, "createdAt__month", 12);
 * }</pre>
 */
public final class DatePartTransform extends Transform {
  private final DatePart part;

  public DatePartTransform(Expression lhs, DatePart part) {
    super(lhs);
    this.part = part;
  }

  public DatePart part() {
    return part;
  }

  @Override
  public Fragment compile(Compiler compiler) {
    FieldKind kind = lhs.outputKind() == null ? FieldKind.DATE_TIME : lhs.outputKind();
    return compiler.ops().dateExtract(part, compiler.compile(lhs), kind);
  }

  @Override
  public FieldKind outputKind() {
    return FieldKind.INTEGER;
  }
}
