package io.vibevault.orm.query;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.execution.Hydrator;
import io.vibevault.orm.execution.RowReader;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A QuerySet whose rows are plain values instead of model instances: {@code values()} gives maps,
 * {@code valuesList()} lists, {@code flat()} single values.
 *
 * <pre>{@code
 * List<Map<String, Object>> rows = Memory.objects.values("id", "title").list();
 * ValuesQuerySet<Long> ids = Memory.objects.valuesList("id").flat();
 * }</pre>
 *
 * @param <R> the row type
 */
public final class ValuesQuerySet<R> extends AbstractQuerySet<R, ValuesQuerySet<R>> {
  enum Shape {
    MAP,
    LIST,
    FLAT
  }

  private final Shape shape;

  ValuesQuerySet(ModelMeta meta, Query query, String alias, Shape shape) {
    super(meta, query, alias);
    this.shape = shape;
  }

  /**
   * The values QuerySet of {@code query}: field paths and named expressions in {@code items}; with
   * none, every concrete field by attname (but the model's sensitive ones) and the selected
   * annotations.
   */
  static <R> ValuesQuerySet<R> of(
      ModelMeta meta, Query query, String alias, Object[] items, Shape shape) {
    List<String> names = new ArrayList<>();
    Map<String, io.vibevault.orm.expr.Expression> expressions = new LinkedHashMap<>();
    for (Object item : items) {
      if (item instanceof String name) {
        names.add(name);
      } else if (item instanceof io.vibevault.orm.expr.NamedExpression n) {
        expressions.put(n.alias(), n.expression());
      } else {
        throw new ArgumentError(
            "values() takes field paths and named expressions (expr.as(\"name\")), got "
                + (item == null ? "null" : item.getClass().getSimpleName()));
      }
    }
    if (names.isEmpty() && expressions.isEmpty()) {
      for (Field f : meta.concreteFields()) {
        if (!meta.isSensitive(f.name())) {
          names.add(f.attname());
        }
      }
      // values() with no names includes the selected annotations too (Django).
      for (String a : query.annotations().keySet()) {
        if (!query.isHiddenAnnotation(a)) {
          names.add(a);
        }
      }
    }
    Query q = query.copy();
    q.setValues(names, names, expressions);
    return new ValuesQuerySet<>(meta, q, alias, shape);
  }

  @Override
  ValuesQuerySet<R> copyWith(Query q) {
    return new ValuesQuerySet<>(meta, q, alias, shape);
  }

  /**
   * Selects other values from this query, keeping its grouping ({@code values("user").annotate(
   * Sum.of("likeCount").as("s")).values("s")} sums per user and reads only the sums).
   */
  public ValuesQuerySet<java.util.Map<String, Object>> values(String... paths) {
    return reselect(paths, Shape.MAP);
  }

  /** As {@link #values(String...)}, rows as lists. */
  public ValuesQuerySet<java.util.List<Object>> valuesList(String... paths) {
    return reselect(paths, Shape.LIST);
  }

  @SuppressWarnings("unchecked")
  private <V> ValuesQuerySet<V> reselect(String[] paths, Shape newShape) {
    if (paths.length == 0) {
      throw new ArgumentError("values() on a values QuerySet needs the names to select");
    }
    java.util.List<String> names = java.util.List.of(paths);
    Query q = query.copy();
    q.setValues(names, names, java.util.Map.of());
    return (ValuesQuerySet<V>) new ValuesQuerySet<>(meta, q, alias, newShape);
  }

  /** Rows as single values; the values list must name exactly one field. */
  @SuppressWarnings("unchecked")
  public <V> ValuesQuerySet<V> flat() {
    if (shape != Shape.LIST || query.valuesSelect().size() != 1) {
      throw new ArgumentError("flat() is only for valuesList() with a single field");
    }
    return (ValuesQuerySet<V>) new ValuesQuerySet<>(meta, query.copy(), alias, Shape.FLAT);
  }

  /** Rows as maps keyed by field name (Django's {@code named=True}). */
  @SuppressWarnings("unchecked")
  public ValuesQuerySet<java.util.Map<String, Object>> named() {
    if (shape != Shape.LIST) {
      throw new ArgumentError("named() is only for valuesList()");
    }
    return (ValuesQuerySet<java.util.Map<String, Object>>)
        (ValuesQuerySet<?>) new ValuesQuerySet<>(meta, query.copy(), alias, Shape.MAP);
  }

  @Override
  @SuppressWarnings("unchecked")
  RowReader<R> reader(CompiledSelect select, Backend backend, String db) {
    return switch (shape) {
      case MAP -> (RowReader<R>) Hydrator.maps(select.columns(), backend.operations());
      case LIST -> (RowReader<R>) Hydrator.lists(select.columns(), backend.operations());
      case FLAT -> (RowReader<R>) Hydrator.single(select.columns(), backend.operations());
    };
  }
}
