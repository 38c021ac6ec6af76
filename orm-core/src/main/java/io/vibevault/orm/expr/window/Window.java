package io.vibevault.orm.expr.window;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.expr.OrderBy;
import io.vibevault.orm.expr.Resolver;
import io.vibevault.orm.expr.aggregates.Aggregate;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A window function or an aggregate computed over a window of rows ({@code ... OVER (PARTITION BY
 * ... ORDER BY ... frame)}), Django's {@code Window}. Unlike an aggregate it does not group: every
 * row keeps its own value. Each option returns a new Window.
 *
 * <p>Ordering terms are field paths ({@code "-createdAt"}), expressions or {@link OrderBy}; a
 * partition is field paths or expressions. A filter on a window annotation is applied to the query
 * wrapped as a subquery (Django 4.2), since SQL computes windows after WHERE.
 *
 * <pre>{@code
 * Memory.objects.annotate(
 *     Window.of(Rank.of()).partitionBy("userId").orderBy("-likeCount").as("rank"),
 *     Window.of(Sum.of("likeCount")).partitionBy("userId").orderBy("createdAt")
 *         .frame(RowRange.between(null, 0)).as("runningLikes"));
 * }</pre>
 */
public final class Window extends Expression {
  private final Expression expression;
  private final List<Expression> partitionBy;
  private final List<Expression> orderBy;
  private final WindowFrame frame;

  private Window(
      Expression expression,
      List<Expression> partitionBy,
      List<Expression> orderBy,
      WindowFrame frame) {
    this.expression = expression;
    this.partitionBy = List.copyOf(partitionBy);
    this.orderBy = List.copyOf(orderBy);
    this.frame = frame;
  }

  /** A window function ({@link RowNumber}, {@link Lag}...) or an aggregate over the window. */
  public static Window of(Expression expression) {
    if (!(expression instanceof WindowFunction) && !(expression instanceof Aggregate)) {
      throw new ArgumentError(
          "Expression "
              + expression
              + " isn't compatible with OVER clauses: use a window function or an aggregate");
    }
    if (expression instanceof Aggregate a && a.isDistinct()) {
      throw new NotSupportedError(
          "An aggregate over a window cannot be distinct (no backend implements it)");
    }
    return new Window(expression, List.of(), List.of(), null);
  }

  /** Restarts the computation for each distinct value of these field paths or expressions. */
  public Window partitionBy(Object... terms) {
    List<Expression> list = new ArrayList<>();
    for (Object t : terms) {
      list.add(WindowFunction.source(t, "partitionBy"));
    }
    return new Window(expression, list, orderBy, frame);
  }

  /** The order within each partition: {@code "-field"}, expressions or {@code OrderBy} terms. */
  public Window orderBy(Object... terms) {
    List<Expression> list = new ArrayList<>();
    for (Object t : terms) {
      if (t instanceof String s) {
        if (s.startsWith("-")) {
          list.add(F.of(s.substring(1)).desc());
        } else {
          list.add(F.of(s).asc());
        }
      } else if (t instanceof OrderBy o) {
        list.add(o);
      } else if (t instanceof Expression e) {
        list.add(e.asc());
      } else {
        throw new ArgumentError(
            "Window orderBy takes field paths or expressions, got "
                + (t == null ? "null" : t.getClass().getSimpleName()));
      }
    }
    return new Window(expression, partitionBy, list, frame);
  }

  /** The rows each row's value is computed over ({@link RowRange}, {@link ValueRange}). */
  public Window frame(WindowFrame windowFrame) {
    return new Window(expression, partitionBy, orderBy, windowFrame);
  }

  /** The function or aggregate computed over the window. */
  public Expression expression() {
    return expression;
  }

  @Override
  public Expression resolve(Resolver resolver) {
    Expression e = expression.resolve(resolver);
    List<Expression> partition = new ArrayList<>();
    for (Expression p : partitionBy) {
      partition.add(p.resolve(resolver));
    }
    List<Expression> order = new ArrayList<>();
    for (Expression o : orderBy) {
      order.add(o.resolve(resolver));
    }
    return new Window(e, partition, order, frame);
  }

  @Override
  public Fragment compile(Compiler compiler) {
    if (!compiler.features().supportsOverClause()) {
      throw new NotSupportedError(
          "Window expressions are not supported on " + compiler.features().backendName());
    }
    Fragment call =
        expression instanceof WindowFunction w
            ? w.compileCall(compiler)
            : compiler.compile(expression);
    List<Fragment> clauses = new ArrayList<>();
    if (!partitionBy.isEmpty()) {
      List<Fragment> terms = new ArrayList<>();
      for (Expression p : partitionBy) {
        terms.add(compiler.compile(p));
      }
      clauses.add(Fragment.join(", ", terms).wrap("PARTITION BY %s"));
    }
    if (!orderBy.isEmpty()) {
      List<Fragment> terms = new ArrayList<>();
      for (Expression o : orderBy) {
        terms.add(compiler.compile(o));
      }
      clauses.add(Fragment.join(", ", terms).wrap("ORDER BY %s"));
    }
    if (frame != null) {
      clauses.add(Fragment.sql(frame.sql(compiler)));
    }
    return Fragment.format("%s OVER (%s)", call, Fragment.join(" ", clauses));
  }

  /** A window never makes the query group: each row keeps its value. */
  @Override
  public boolean containsAggregate() {
    return false;
  }

  /** In a grouped query a window needs its partition and ordering terms grouped, not itself. */
  @Override
  public List<Expression> groupByExpressions() {
    List<Expression> out = new ArrayList<>();
    for (Expression p : partitionBy) {
      out.addAll(p.groupByExpressions());
    }
    for (Expression o : orderBy) {
      out.addAll(o.groupByExpressions());
    }
    return out;
  }

  @Override
  public FieldKind outputKind() {
    return expression.outputKind();
  }

  @Override
  public Field outputField() {
    return expression.outputField();
  }

  @Override
  public List<Expression> sourceExpressions() {
    List<Expression> out = new ArrayList<>();
    out.add(expression);
    out.addAll(partitionBy);
    out.addAll(orderBy);
    return out;
  }

  /**
   * Whether {@code e} is or contains a window (Django's {@code contains_over_clause}): such a
   * condition cannot be in WHERE, which SQL evaluates before windows.
   */
  public static boolean containsOverClause(Expression e) {
    if (e == null) {
      return false;
    }
    if (e instanceof Window) {
      return true;
    }
    List<Expression> children = e.sourceExpressions();
    for (int i = 0; i < children.size(); i++) {
      if (containsOverClause(children.get(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Window("
        + expression
        + (partitionBy.isEmpty() ? "" : ", partitionBy=" + partitionBy)
        + (orderBy.isEmpty() ? "" : ", orderBy=" + orderBy)
        + (frame == null ? "" : ", frame=" + frame)
        + ")";
  }
}
