package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.sql.WriteCompiler.Assignment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled UPDATEs kept per shape: the {@link SelectCache} shape of the query that picks the rows,
 * plus the fields the UPDATE sets. {@code save()} of a loaded object and a repeated {@code
 * filter(...).update(...)} then compile once per backend, and afterwards only collect their values.
 *
 * <p>The rules are the SELECT cache's: a query has a shape only when the shape decides its SQL (no
 * join in use, so the UPDATE never needs its primary-key subquery; a WHERE of plain-value
 * comparisons on the base table). Every value set must be a plain value: an expression ({@code
 * F.of("hits").plus(1)}) writes SQL of its own, and such an UPDATE is compiled afresh. The template
 * is compiled with numbered placeholders for the values set (first, as they come first in the
 * statement) and for the WHERE's values, and is kept only when each appears exactly once.
 *
 * <pre>{@code
 * Fragment update = UpdateCache.compileUpdate(query, sets, ops, features); // as WriteCompiler's
 * }</pre>
 */
public final class UpdateCache {
  private static final Map<SelectCache.Shape, Fragment> TEMPLATES = new ConcurrentHashMap<>();

  /** Kept for a shape whose template was refused, so it is not built again on every update. */
  private static final Fragment NO_TEMPLATE = new Fragment("", List.of());

  /** Separates the query's part of a shape from the fields set. */
  private static final Object SET = new Object();

  private UpdateCache() {}

  /**
   * {@code new WriteCompiler(ops, features).update(query, sets)}, from the cache when the update
   * has a shape. Throws {@link EmptyResultSet} as the compiler does.
   */
  public static Fragment compileUpdate(
      Query query, List<Assignment> sets, Operations ops, Features features) {
    WriteCompiler compiler = new WriteCompiler(ops, features);
    List<Object> values = new ArrayList<>(sets.size() + 4);
    for (Assignment a : sets) {
      if (a.value() instanceof Expression) {
        return compiler.update(query, sets);
      }
      values.add(a.value());
    }
    SelectCache.Shape shape = SelectCache.shapeParts(query, ops, features, values);
    if (shape == null) {
      return compiler.update(query, sets);
    }
    shape.add(SET);
    shape.add(sets.size());
    for (Assignment a : sets) {
      shape.add(a.field());
    }
    shape.done();
    Fragment template = TEMPLATES.get(shape);
    if (template == null) {
      template = template(query, sets, compiler, values.size());
      if (TEMPLATES.size() >= SelectCache.MAX_SHAPES) {
        TEMPLATES.clear();
      }
      TEMPLATES.put(shape, template == null ? NO_TEMPLATE : template);
    }
    if (template == null || template == NO_TEMPLATE) {
      // The compiler decides (a condition that cannot match throws EmptyResultSet there).
      return compiler.update(query, sets);
    }
    return new Fragment(template.sql(), SelectCache.fill(template.params(), values));
  }

  /**
   * The UPDATE of a copy of the query whose values set and compared are numbered placeholders; null
   * when the placeholders do not come out once each.
   */
  private static Fragment template(
      Query query, List<Assignment> sets, WriteCompiler compiler, int slots) {
    List<Assignment> slotted = new ArrayList<>(sets.size());
    for (int i = 0; i < sets.size(); i++) {
      slotted.add(new Assignment(sets.get(i).field(), new SelectCache.Slot(i)));
    }
    Query t = query.copy();
    t.where = SelectCache.withSlots(query.where, new int[] {sets.size()});
    Fragment compiled;
    try {
      compiled = compiler.update(t, slotted);
    } catch (EmptyResultSet e) {
      return null;
    }
    if (!SelectCache.eachSlotOnce(compiled.params(), slots)) {
      return null;
    }
    return new Fragment(
        compiled.sql(), Collections.unmodifiableList(new ArrayList<>(compiled.params())));
  }
}
