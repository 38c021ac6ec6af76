package io.vibevault.orm.expr;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.model.FieldKind;
import java.util.List;

/**
 * The base of everything that compiles to an SQL expression: column references, values, arithmetic,
 * functions, lookups. Expressions are immutable; {@link #resolve} returns a copy whose field
 * references are bound to the query's tables.
 *
 * <pre>{@code
 * Expression e = F.of("viewCount").times(2).plus(F.of("likeCount").times(5));
 * }</pre>
 */
public abstract class Expression {
  /** Binds field references against a query, returning a resolved copy (or this). */
  public abstract Expression resolve(Resolver resolver);

  /** The SQL for this expression. */
  public abstract Fragment compile(Compiler compiler);

  /** The storage kind of the result, or null when unknown. */
  public FieldKind outputKind() {
    return null;
  }

  /** The field the value comes from, when it is a plain column (for value conversion). */
  public io.vibevault.orm.model.Field outputField() {
    return null;
  }

  /** Whether this contains an aggregate (it then belongs in HAVING, not WHERE). */
  public boolean containsAggregate() {
    // Indexed: the walk runs over every expression of every query compiled, and an iterator per
    // node was a twentieth of what compiling a filtered QuerySet allocated.
    List<Expression> children = sourceExpressions();
    for (int i = 0; i < children.size(); i++) {
      Expression e = children.get(i);
      if (e != null && e.containsAggregate()) {
        return true;
      }
    }
    return false;
  }

  /** The direct children. */
  public List<Expression> sourceExpressions() {
    return List.of();
  }

  /**
   * What this expression adds to GROUP BY when it is selected in a grouped query (Django's {@code
   * get_group_by_cols}): itself, or, when it contains an aggregate, the grouping terms of its
   * non-aggregate parts.
   */
  public List<Expression> groupByExpressions() {
    if (!containsAggregate()) {
      return List.of(this);
    }
    List<Expression> out = new java.util.ArrayList<>();
    for (Expression e : sourceExpressions()) {
      if (e != null) {
        out.addAll(e.groupByExpressions());
      }
    }
    return out;
  }

  /**
   * This expression under a name, for {@code annotate}, {@code alias} and {@code aggregate}.
   *
   * <pre>{@code
   * User.objects.annotate(Count.of("memories").as("memoryCount"));
   * }</pre>
   */
  public NamedExpression as(String alias) {
    return new NamedExpression(alias, this);
  }

  /** Turns a plain Java value into a {@link Value}, leaving expressions alone. */
  public static Expression wrap(Object value) {
    return value instanceof Expression e ? e : new Value(value);
  }

  // Arithmetic, as Django's combinable expressions.

  public Expression plus(Object other) {
    return new CombinedExpression(this, CombinedExpression.Operator.ADD, wrap(other));
  }

  public Expression minus(Object other) {
    return new CombinedExpression(this, CombinedExpression.Operator.SUB, wrap(other));
  }

  public Expression times(Object other) {
    return new CombinedExpression(this, CombinedExpression.Operator.MUL, wrap(other));
  }

  public Expression div(Object other) {
    return new CombinedExpression(this, CombinedExpression.Operator.DIV, wrap(other));
  }

  public Expression mod(Object other) {
    return new CombinedExpression(this, CombinedExpression.Operator.MOD, wrap(other));
  }

  /** This expression raised to a power ({@code F.of("x").pow(2)}). */
  public Expression pow(Object exponent) {
    return new CombinedExpression(this, CombinedExpression.Operator.POW, wrap(exponent));
  }

  /** Ascending order on this expression. */
  public OrderBy asc() {
    return new OrderBy(this, false, null);
  }

  /** Descending order on this expression. */
  public OrderBy desc() {
    return new OrderBy(this, true, null);
  }
}
