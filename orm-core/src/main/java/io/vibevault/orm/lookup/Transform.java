package io.vibevault.orm.lookup;

import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.Resolver;
import java.util.List;

/**
 * An expression that changes the left-hand side before a lookup: {@code createdAt__year} extracts
 * the year, {@code metricsJson__sentiment} reads a JSON key. Transforms chain ({@code
 * createdAt__year__gte}).
 *
 * <pre>{@code
 * LookupRegistry.registerTransform(FieldKind.CHAR, "lower", Lower::new);
 * }</pre>
 */
public abstract class Transform extends Expression {
  protected final Expression lhs;

  protected Transform(Expression lhs) {
    this.lhs = lhs;
  }

  public Expression lhs() {
    return lhs;
  }

  @Override
  public Expression resolve(Resolver resolver) {
    return this;
  }

  @Override
  public List<Expression> sourceExpressions() {
    return List.of(lhs);
  }
}
