package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.Resolver;
import io.vibevault.orm.expr.Value;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A boolean condition comparing a left-hand expression (a column, possibly transformed) with a
 * right-hand value or expression: {@code title__icontains="beach"} becomes an {@code IContains}
 * lookup. Subclasses prepare the right-hand side for the left-hand field (type checks happen here,
 * before any SQL) and write their SQL through the backend's operations.
 *
 * <pre>{@code
 * LookupRegistry.registerLookup(FieldKind.CHAR, "ne", NotEqual::new);
 * Memory.objects.filter("title__ne", "Untitled");
 * }</pre>
 */
public abstract class Lookup extends Expression {
  protected final Expression lhs;
  protected final Object rhs;

  /** Creates a lookup; {@code rhs} is a raw value or an {@link Expression}. */
  protected Lookup(Expression lhs, Object rhs) {
    this.lhs = lhs;
    this.rhs = rhs instanceof Expression ? rhs : prepare(rhs);
  }

  /** The lookup's name in a path ({@code exact}, {@code icontains}). */
  public abstract String name();

  /** Checks and converts a plain right-hand value; the default converts it for the lhs field. */
  protected Object prepare(Object value) {
    if (value instanceof Map
        || (value instanceof Collection && lhs.outputKind() != FieldKind.JSON)) {
      throw new ValidationError(
          "Lookup '"
              + name()
              + "' expects a single value, got "
              + value.getClass().getSimpleName()
              + (value instanceof Collection ? " (lists are only for __in and __range)" : ""));
    }
    return prepareScalar(value);
  }

  /** Converts one scalar for the lhs field (or by its Java type when the lhs has no field). */
  protected Object prepareScalar(Object value) {
    Field field = lhs.outputField();
    if (value instanceof io.vibevault.orm.model.Model m) {
      if (field != null && field.isRelation()) {
        return field.toNeutral(m);
      }
      value = m.pk();
    }
    if (field != null) {
      return field.toNeutral(value);
    }
    FieldKind kind = lhs.outputKind();
    return kind != null ? kind.toNeutral(value, name()) : FieldKind.neutral(value);
  }

  public Expression lhs() {
    return lhs;
  }

  /** The prepared right-hand side: a neutral value, or an Expression. */
  public Object rhs() {
    return rhs;
  }

  /** Whether the right-hand side is a plain value (not an expression). */
  public boolean rhsIsValue() {
    return !(rhs instanceof Expression);
  }

  /** The right-hand side as SQL: one bound parameter, or the compiled expression. */
  protected Fragment compileRhs(Compiler compiler) {
    if (rhs instanceof Expression e) {
      return compiler.compile(e);
    }
    return new Fragment("?", java.util.Collections.singletonList(rhs));
  }

  /** A copy with both sides resolved against a query. */
  @Override
  public Expression resolve(Resolver resolver) {
    return this;
  }

  @Override
  public FieldKind outputKind() {
    return FieldKind.BOOLEAN;
  }

  @Override
  public List<Expression> sourceExpressions() {
    return rhs instanceof Expression e ? List.of(lhs, e) : List.of(lhs);
  }

  /** Wraps a value as an expression comparable with the lhs field. */
  protected Expression valueFor(Object neutral) {
    Field f = lhs.outputField();
    return f != null ? Value.forField(neutral, f) : Value.of(neutral);
  }
}
