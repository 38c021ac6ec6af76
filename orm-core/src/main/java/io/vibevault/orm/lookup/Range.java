package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * {@code range}: between two values, both included.
 *
 * <pre>{@code
 * Memory.objects.filter("createdAt__range", List.of(start, end));
 * }</pre>
 */
public final class Range extends Lookup {
  public Range(Expression lhs, Object rhs) {
    super(lhs, rhs);
  }

  @Override
  public String name() {
    return "range";
  }

  @Override
  protected Object prepare(Object value) {
    List<?> pair =
        value instanceof Collection<?> c
            ? new ArrayList<>(c)
            : value instanceof Object[] a ? Arrays.asList(a) : null;
    if (pair == null || pair.size() != 2) {
      throw new ValidationError("Lookup 'range' expects a list of two values");
    }
    List<Object> prepared = new ArrayList<>(2);
    for (Object v : pair) {
      prepared.add(v instanceof Expression ? v : prepareScalar(v));
    }
    return prepared;
  }

  @Override
  public Fragment compile(Compiler compiler) {
    List<?> pair = (List<?>) rhs;
    return Fragment.format(
        "%s BETWEEN %s AND %s",
        compiler.compile(lhs), side(compiler, pair.get(0)), side(compiler, pair.get(1)));
  }

  private static Fragment side(Compiler compiler, Object v) {
    return v instanceof Expression e
        ? compiler.compile(e)
        : new Fragment("?", java.util.Collections.singletonList(v));
  }
}
