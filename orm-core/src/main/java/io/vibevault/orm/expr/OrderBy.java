package io.vibevault.orm.expr;

import io.vibevault.orm.backend.Fragment;
import java.util.List;

/**
 * One ordering term: an expression, a direction and optionally where NULLs go.
 *
 * <pre>{@code
 * Memory.objects.orderBy(F.of("sentimentScore").asc().nullsFirst(), "id");
 * }</pre>
 */
public final class OrderBy extends Expression {
  private final Expression expression;
  private final boolean descending;
  private final Boolean nullsFirst;

  public OrderBy(Expression expression, boolean descending, Boolean nullsFirst) {
    this.expression = expression;
    this.descending = descending;
    this.nullsFirst = nullsFirst;
  }

  public OrderBy nullsFirst() {
    return new OrderBy(expression, descending, true);
  }

  public OrderBy nullsLast() {
    return new OrderBy(expression, descending, false);
  }

  /** The same term in the opposite direction (NULL placement flips too). */
  public OrderBy reversed() {
    return new OrderBy(expression, !descending, nullsFirst == null ? null : !nullsFirst);
  }

  public Expression expression() {
    return expression;
  }

  public boolean isDescending() {
    return descending;
  }

  public Boolean nullsFirstOrNull() {
    return nullsFirst;
  }

  @Override
  public Expression resolve(Resolver resolver) {
    return new OrderBy(expression.resolve(resolver), descending, nullsFirst);
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return compiler.ops().orderBy(compiler.compile(expression), descending, nullsFirst);
  }

  @Override
  public List<Expression> sourceExpressions() {
    return List.of(expression);
  }
}
