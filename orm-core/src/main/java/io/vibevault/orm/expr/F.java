package io.vibevault.orm.expr;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.FieldError;

/**
 * A reference to a field (or annotation) of the model being queried, resolved when the expression
 * is added to a query: compare two columns, update from a column's own value, order by a column
 * with explicit NULL placement.
 *
 * <pre>{@code
 * Memory.objects.filter("updatedAt__gt", F.of("createdAt"));
 * Memory.objects.filter("id", 5).update(Map.of("viewCount", F.of("viewCount").plus(1)));
 * Memory.objects.orderBy(F.of("sentimentScore").asc().nullsFirst());
 * }</pre>
 */
public final class F extends Expression {
  private final String name;

  private F(String name) {
    if (name == null || name.isEmpty()) {
      throw new FieldError("F() needs a field name");
    }
    this.name = name;
  }

  /** A reference to a field path ({@code "user__username"}). */
  public static F of(String name) {
    return new F(name);
  }

  public String name() {
    return name;
  }

  @Override
  public Expression resolve(Resolver resolver) {
    return resolver.resolveRef(name);
  }

  @Override
  public Fragment compile(Compiler compiler) {
    throw new IllegalStateException("F(" + name + ") was not resolved against a query");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof F f && f.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "F(" + name + ")";
  }
}
