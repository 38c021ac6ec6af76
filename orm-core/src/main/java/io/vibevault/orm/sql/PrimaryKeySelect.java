package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.lookup.Exact;
import io.vibevault.orm.lookup.Lookup;
import io.vibevault.orm.lookup.LookupRegistry;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SELECT of {@code get(pk)} on a query with nothing else in it ({@code Memory.objects.get("id",
 * 5)}, or after {@code all()} or {@code using()}): compiled once per model and backend, then only
 * the key's value is bound. Hibernate builds each entity's load statement at start-up; without
 * this, copying the query, filtering it and looking its shape up in {@link SelectCache} cost as
 * much as the database's round trip on a local server.
 *
 * <p>The statement is the one {@code get()} compiles through the general path (same WHERE tree, no
 * ordering, {@code LIMIT 21}), and the value goes through the same {@code exact} lookup, so it is
 * checked and converted as {@code filter("pk", value)} would; anything else (a custom {@code exact}
 * for the key's kind, values that change the condition) takes the general path.
 *
 * <pre>{@code
 * CompiledSelect select = PrimaryKeySelect.compile(query, 5L, ops, features); // null: not this case
 * }</pre>
 */
public final class PrimaryKeySelect {
  /** Past this many models x backends the templates start again (there are few of both). */
  private static final int MAX_TEMPLATES = 1024;

  private static final Map<Key, Template> TEMPLATES = new ConcurrentHashMap<>();

  /** Kept for a model whose key has no plain template, so it is not built again per call. */
  private static final Template NONE = new Template(null, null, -1);

  private record Key(ModelMeta model, Operations ops, Features features) {}

  /** The shared select, the key's column, and where the key's value goes in the parameters. */
  private record Template(CompiledSelect select, Col col, int slot) {}

  private PrimaryKeySelect() {}

  /**
   * The select of {@code get(pk=value)} on {@code query}; null when the query holds anything
   * besides its model (filters, joins, ordering, slices, only/defer, selectRelated, locking,
   * annotations, values(), DISTINCT, combinations) or when the value needs the general path.
   */
  public static CompiledSelect compile(
      Query query, Object value, Operations ops, Features features) {
    if (!isBare(query) || !FilterBuilder.isPlainPkValue(query.model.pk(), value)) {
      return null;
    }
    Key key = new Key(query.model, ops, features);
    Template t = TEMPLATES.get(key);
    if (t == null) {
      t = template(query.model, ops, features);
      if (TEMPLATES.size() >= MAX_TEMPLATES) {
        TEMPLATES.clear();
      }
      TEMPLATES.put(key, t);
    }
    if (t == NONE) {
      return null;
    }
    // Looked up per call: a custom exact registered later must not be bypassed.
    Lookup exact = LookupRegistry.lookup(t.col(), "exact").create(t.col(), value);
    if (exact.getClass() != Exact.class || !exact.rhsIsValue() || exact.rhs() == null) {
      return null;
    }
    CompiledSelect shared = t.select();
    List<Object> params = new ArrayList<>(shared.params());
    params.set(t.slot(), exact.rhs());
    return new CompiledSelect(
        shared.sql(), params, shared.columns(), shared.related(), shared.readers());
  }

  /** Whether the query is its model's every row, as a manager starts it. */
  static boolean isBare(Query q) {
    for (Join j : q.aliases.map.values()) {
      if (!j.isBase()) {
        return false;
      }
    }
    return q.where.children.isEmpty()
        && q.ordering.isEmpty()
        && q.defaultOrdering
        && q.standardOrdering
        && !q.isSliced()
        && !q.distinct
        && q.distinctFields.isEmpty()
        && !q.selectForUpdate
        && q.loading.loadsEverything()
        && q.selectRelated.isEmpty()
        && !q.selectRelatedAll
        && q.valuesSelect == null
        && q.annotations.isEmpty()
        && q.hiddenAnnotations.isEmpty()
        && q.groupBy == null
        && !q.groupByModel
        && q.combination == null;
  }

  /**
   * Compiles {@code get(pk=?)} as {@code AbstractQuerySet.single} builds it: the key's condition as
   * a filter leaf, no ordering, rows 0 to 21; the value is a placeholder that must come out once.
   */
  private static Template template(ModelMeta model, Operations ops, Features features) {
    Query q = new Query(model);
    Col col = new Col(q.baseAlias(), model.pk());
    Lookup exact = LookupRegistry.lookup(col, "exact").create(col, new SelectCache.Slot(0));
    if (exact.getClass() != Exact.class) {
      return NONE;
    }
    q.where.add(FilterBuilder.pkCondition(exact));
    q.setOrdering(List.of());
    q.setLimits(0L, 21L);
    CompiledSelect compiled;
    try {
      compiled = new SqlCompiler(q, ops, features).compileSelect();
    } catch (EmptyResultSet e) {
      return NONE;
    }
    int slot = -1;
    List<Object> params = compiled.params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) instanceof SelectCache.Slot) {
        if (slot >= 0) {
          return NONE;
        }
        slot = i;
      }
    }
    return slot < 0 ? NONE : new Template(SelectCache.shared(compiled), col, slot);
  }
}
