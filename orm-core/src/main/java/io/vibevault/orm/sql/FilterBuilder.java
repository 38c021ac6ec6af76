package io.vibevault.orm.sql;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.lookup.IsNull;
import io.vibevault.orm.lookup.KeyTransform;
import io.vibevault.orm.lookup.Lookup;
import io.vibevault.orm.lookup.LookupRegistry;
import io.vibevault.orm.model.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds WHERE conditions from {@link Filter} trees (Django's {@code _add_q} and {@code
 * build_filter}): resolves each keyword path, joins tables, applies transforms and the lookup, adds
 * {@code IS NOT NULL} where SQL's three-valued logic would otherwise drop rows under negation, and
 * promotes joins to LEFT OUTER where an OR or a negation needs it.
 */
final class FilterBuilder {
  private final Query query;

  /** Conditions inside expressions (When, aggregate filters) reuse every existing join. */
  private boolean reuseAll;

  FilterBuilder(Query query) {
    this.query = query;
  }

  /**
   * A condition as a boolean expression, not added to WHERE (Django's {@code
   * Q.resolve_expression}): existing joins are reused, and the joins it needs are promoted to LEFT
   * OUTER where they may be, so that the condition itself never removes rows from the query.
   */
  Expression buildCondition(Filter filter) {
    Filter.Node node =
        filter instanceof Filter.Node n
            ? n
            : new Filter.Node(Connector.AND, false, List.of(filter));
    reuseAll = true;
    Map<String, Integer> before = new HashMap<>(query.aliases.refcount);
    Built built = addNode(node, new LinkedHashSet<>(), false, false);
    query.aliases.promote(usedSince(before));
    return built.clause();
  }

  private record Built(Expression clause, Set<String> neededInner) {}

  void addFilter(Filter filter) {
    Filter.Node node =
        filter instanceof Filter.Node n
            ? n
            : new Filter.Node(Connector.AND, false, List.of(filter));
    Set<String> existingInner = new HashSet<>();
    for (Join j : query.aliases.map.values()) {
      if (j.type == Join.Type.INNER) {
        existingInner.add(j.alias);
      }
    }
    if (!query.reuseUsedAliases) {
      query.usedAliases = new LinkedHashSet<>();
    }
    query.reuseUsedAliases = false;
    Built built = addNode(node, query.usedAliases, false, false);
    if (built.clause() != null) {
      if (built.clause().containsAggregate() && !query.isGrouped()) {
        // HAVING without groups would aggregate the whole table: name the aggregate instead.
        throw new FieldError(
            "Cannot filter on an aggregate that is not an annotation of a grouped query; use"
                + " annotate(aggregate.as(\"name\")) and filter on the name");
      }
      query.where.add(built.clause());
    }
    query.aliases.demote(existingInner);
  }

  /**
   * The condition {@link #addFilter} builds for the leaf {@code pk=value} on a query without joins
   * or annotations: an {@code exact} lookup on the base table's primary-key column, in a clause, in
   * a node. False, with nothing added, for anything else (joins, a relation as primary key, and
   * values that change the condition: null, expressions, models, lists, maps, QuerySets).
   */
  boolean addPkExact(Object value) {
    Field pk = query.model.pk();
    if (query.aliases.map.size() > 1
        || !query.annotations.isEmpty()
        || !isPlainPkValue(pk, value)) {
      return false;
    }
    Col col = new Col(query.baseAlias(), pk);
    query.where.add(pkCondition(LookupRegistry.lookup(col, "exact").create(col, value)));
    return true;
  }

  /** Whether {@code pk=value} is a plain {@code exact} on the primary-key column. */
  static boolean isPlainPkValue(Field pk, Object value) {
    return !pk.isRelation()
        && value != null
        && !(value instanceof Expression)
        && !(value instanceof io.vibevault.orm.model.Model)
        && !(value instanceof java.util.Collection)
        && !(value instanceof Map)
        && !(value instanceof io.vibevault.orm.expr.SubquerySource);
  }

  /** The lookup in a clause in a node, as {@link #addFilter} nests a leaf of {@code filter()}. */
  static WhereNode pkCondition(Lookup exact) {
    WhereNode clause = new WhereNode();
    clause.add(exact);
    WhereNode node = new WhereNode();
    node.add(clause);
    return node;
  }

  private Built addNode(
      Filter.Node node, Set<String> reuse, boolean branchNegated, boolean negated) {
    boolean currentNegated = negated ^ node.negated();
    boolean branch = branchNegated || node.negated();
    WhereNode target = new WhereNode(node.connector(), node.negated());
    JoinPromoter promoter =
        new JoinPromoter(node.connector(), node.children().size(), currentNegated);
    for (Filter child : node.children()) {
      Built b = build(child, reuse, branch, currentNegated);
      promoter.addVotes(b.neededInner());
      if (b.clause() != null) {
        target.add(b.clause());
      }
    }
    Set<String> needed = promoter.updateJoinTypes(query);
    return new Built(target, needed);
  }

  private Built build(Filter filter, Set<String> reuse, boolean branchNegated, boolean negated) {
    if (filter instanceof Filter.Node n) {
      return addNode(n, reuse, branchNegated, negated);
    }
    if (filter instanceof Filter.Condition c) {
      Map<String, Integer> before = new HashMap<>(query.aliases.refcount);
      Expression resolved = c.expression().resolve(query);
      return new Built(resolved, usedSince(before));
    }
    Filter.Leaf leaf = (Filter.Leaf) filter;
    String key = leaf.key();
    if (key == null) {
      throw new FieldError("A filter key may not be null");
    }
    List<String> names = PathResolver.split(key);
    Object value = leaf.value();
    if (value instanceof io.vibevault.orm.expr.SubquerySource source) {
      // A QuerySet as a value is a subquery: its primary keys, or its one values() column.
      value = io.vibevault.orm.expr.Subquery.of(source);
    }
    // Only resolving an expression value can reference aliases (an F() across a relation joins):
    // a plain value needs no before-and-after of the reference counts.
    boolean expressionsInList =
        value instanceof List<?> list && list.stream().anyMatch(Expression.class::isInstance);
    Map<String, Integer> before =
        value instanceof Expression || expressionsInList
            ? new HashMap<>(query.aliases.refcount)
            : null;
    if (value instanceof Expression e) {
      value = e.resolve(query);
    } else if (expressionsInList) {
      // range=(1, F("x")): expressions inside a list are resolved too.
      List<?> list = (List<?>) value;
      List<Object> resolved = new java.util.ArrayList<>(list.size());
      for (Object item : list) {
        resolved.add(item instanceof Expression e ? e.resolve(query) : item);
      }
      value = resolved;
    }
    Set<String> used = before == null ? new LinkedHashSet<>() : usedSince(before);
    int refs = annotationPrefix(names);
    if (refs > 0) {
      // A filter on an annotation: WHERE, or HAVING when it holds an aggregate (decided when
      // the query is compiled).
      Expression annotation = query.annotations.get(String.join("__", names.subList(0, refs)));
      return new Built(
          buildLookup(names.subList(refs, names.size()), annotation, value, key), used);
    }
    Query.JoinResult jr;
    try {
      jr = query.setupJoins(names, key, reuseAll ? null : reuse, !branchNegated);
    } catch (Query.MultiJoin e) {
      // The value is resolved again inside the subquery: drop the joins it made out here.
      for (String alias : used) {
        query.aliases.unref(alias);
      }
      return splitExclude(leaf, key);
    }
    used.addAll(jr.joins());
    reuse.addAll(jr.joins());
    List<String> lookups = jr.path().rest();
    if (jr.finalField() != null
        && jr.finalField().isRelation()
        && !jr.path().steps().isEmpty()
        && lookups.size() > 1) {
      throw new FieldError("Related Field got invalid lookup: " + FieldError.quote(lookups.get(0)));
    }
    Col col = jr.column();
    Lookup condition = buildLookup(lookups, col, value, key);
    WhereNode clause = new WhereNode();
    clause.add(condition);
    boolean isNullLookup = condition.name().equals("isnull") && condition.rhs() instanceof Boolean;
    boolean requireOuter = isNullLookup && (Boolean) condition.rhs() && !negated;
    if (negated && (!isNullLookup || !(Boolean) condition.rhs()) && value != null) {
      requireOuter = true;
      if (!isNullLookup) {
        String lastAlias = jr.joins().get(jr.joins().size() - 1);
        Join last = query.aliases.map.get(lastAlias);
        if (col.field().isNullable() || (last != null && last.type == Join.Type.LEFT_OUTER)) {
          clause.add(new IsNull(col, false));
        }
        if (value instanceof Col v && v.field().isNullable()) {
          clause.add(new IsNull(v, false));
        }
      }
    }
    return new Built(clause, requireOuter ? Set.of() : used);
  }

  /**
   * A negated condition across a multi-valued relation: {@code pk IN (SELECT pk ... WHERE
   * condition)}, negated by the enclosing node, so a row is left out when any of its related rows
   * matches (Django's {@code split_exclude}).
   */
  private Built splitExclude(Filter.Leaf leaf, String key) {
    Object value = leaf.value();
    // In the subquery, F names the outer row's field (Django turns it into OuterRef too).
    if (value instanceof io.vibevault.orm.expr.F f) {
      leaf = new Filter.Leaf(leaf.key(), io.vibevault.orm.expr.OuterRef.of(f.name()));
    } else if (value instanceof io.vibevault.orm.expr.OuterRef o) {
      leaf = new Filter.Leaf(leaf.key(), io.vibevault.orm.expr.OuterRef.of(o));
    }
    Query inner = new Query(query.model);
    inner.addFilter(new Filter.Node(Connector.AND, false, List.of(leaf)));
    Field pk = query.model.pk();
    inner.valuesSelect = List.of(new Query.SelectItem("pk", new Col(inner.baseAlias(), pk)));
    inner.defaultOrdering = false;
    Col outerPk = new Col(query.baseAlias(), pk);
    return new Built(new SubqueryIn(outerPk, inner), Set.of());
  }

  /**
   * How many leading names spell an annotation ({@code books__count__gte} refers to the annotation
   * {@code books__count}), the longest first; 0 when none (Django's {@code refs_expression}).
   */
  private int annotationPrefix(List<String> names) {
    if (query.annotations.isEmpty()) {
      return 0;
    }
    for (int n = names.size(); n > 0; n--) {
      if (query.annotations.containsKey(String.join("__", names.subList(0, n)))) {
        return n;
      }
    }
    return 0;
  }

  private Set<String> usedSince(Map<String, Integer> before) {
    Set<String> used = new LinkedHashSet<>();
    for (Map.Entry<String, Integer> e : query.aliases.refcount.entrySet()) {
      if (e.getValue() > before.getOrDefault(e.getKey(), 0)) {
        used.add(e.getKey());
      }
    }
    return used;
  }

  /** Applies transforms and the final lookup ({@code exact} when none is named). */
  Lookup buildLookup(List<String> lookups, Expression lhs, Object value, String key) {
    List<String> names = lookups.isEmpty() ? List.of("exact") : lookups;
    Expression current = lhs;
    for (int i = 0; i < names.size() - 1; i++) {
      current = transform(current, names.get(i), key);
    }
    String last = names.get(names.size() - 1);
    LookupRegistry.LookupFactory factory = LookupRegistry.lookup(current, last);
    if (factory == null) {
      if (current instanceof Col c && c.field().isRelation()) {
        throw new FieldError("Related Field got invalid lookup: " + FieldError.quote(last));
      }
      current = transform(current, last, key);
      last = "exact";
      factory = LookupRegistry.lookup(current, last);
      if (factory == null) {
        throw new FieldError("Unsupported lookup 'exact' in " + FieldError.quote(key));
      }
    }
    if (value == null && !(current instanceof KeyTransform)) {
      if (last.equals("exact") || last.equals("iexact")) {
        return new IsNull(current, true);
      }
      if (!last.equals("isnull")) {
        throw new ValidationError(
            "Cannot use None as a query value (lookup " + FieldError.quote(key) + ")");
      }
    }
    return factory.create(current, value);
  }

  /** Applies a chain of transforms named in a values() or order_by() path. */
  Expression applyTransforms(Expression lhs, List<String> names, String key) {
    Expression current = lhs;
    for (String name : names) {
      current = transform(current, name, key);
    }
    return current;
  }

  private Expression transform(Expression lhs, String name, String key) {
    LookupRegistry.TransformFactory t = LookupRegistry.transform(lhs, name);
    if (t == null) {
      Field f = lhs.outputField();
      String what =
          f != null
              ? f.kind() + " field " + FieldError.quote(f.name()) + " of " + f.model().label()
              : "expression";
      throw new FieldError(
          "Unsupported lookup "
              + FieldError.quote(name)
              + " for "
              + what
              + " in "
              + FieldError.quote(key)
              + "; valid lookups: "
              + String.join(", ", LookupRegistry.choices(lhs)));
    }
    return t.create(lhs);
  }
}
