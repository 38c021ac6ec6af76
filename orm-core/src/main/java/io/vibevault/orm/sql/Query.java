package io.vibevault.orm.sql;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Conditional;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.NamedExpression;
import io.vibevault.orm.expr.Resolver;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The description of one SELECT (Django's {@code sql.Query}): base model, joined tables with their
 * aliases, the WHERE tree, selected columns, ordering, slicing, DISTINCT and locking. The QuerySet
 * layer clones and edits it; a {@link SqlCompiler} turns it into SQL. Nothing here is
 * vendor-specific and nothing here knows about QuerySets.
 *
 * <pre>{@code
 * Query q = new Query(ModelMeta.of(Memory.class));
 * q.addFilter(new Filter.Leaf("title__icontains", "beach"));
 * q.addOrdering(List.of("-createdAt"));
 * }</pre>
 */
public final class Query implements Resolver {
  final ModelMeta model;

  /** The base table and the joins, under their aliases. */
  final AliasMap aliases;

  WhereNode where;

  /** Aliases joined by the filter() call being built (multi-valued joins are reused within it). */
  Set<String> usedAliases;

  /** Django's filter_is_sticky: the next copy's first filter() reuses {@link #usedAliases}. */
  private boolean filterIsSticky;

  /** Set on a copy of a sticky query: its next filter() starts from the inherited aliases. */
  boolean reuseUsedAliases;

  List<Object> ordering;
  boolean defaultOrdering = true;
  boolean standardOrdering = true;
  Long low = 0L;
  Long high;
  boolean distinct;
  List<String> distinctFields = List.of();
  boolean selectForUpdate;
  boolean selectForUpdateNowait;
  boolean selectForUpdateSkipLocked;
  List<String> selectForUpdateOf = List.of();

  /** only() and defer(). */
  final DeferredLoading loading;

  /**
   * selectRelated(): the requested relation paths (field names joined by {@code __}), each
   * validated when added; {@link #selectRelatedAll} is the no-argument form.
   */
  Set<String> selectRelated;

  boolean selectRelatedAll;

  /** values()/valuesList(): the selected paths and their keys (null = model instances). */
  List<SelectItem> valuesSelect;

  /** Named expressions selected alongside the model (annotations, values expressions). */
  LinkedHashMap<String, Expression> annotations;

  /** Annotations made by alias(): usable in filters and ordering, never selected. */
  Set<String> hiddenAnnotations;

  /**
   * GROUP BY terms besides those every grouped query adds (selected columns, ordering, HAVING);
   * null when the query does not group.
   */
  List<Expression> groupBy;

  /** Group by every selected column of the model (Django's {@code group_by = True}). */
  boolean groupByModel;

  /** union()/intersection()/difference(): the member queries (null for a plain SELECT). */
  Combination combination;

  /** One selected value of a values() query: the output key and its expression. */
  public record SelectItem(String key, Expression expression) {}

  public Query(ModelMeta model) {
    this.model = model;
    aliases = new AliasMap();
    where = new WhereNode();
    usedAliases = new LinkedHashSet<>();
    ordering = new ArrayList<>();
    loading = new DeferredLoading();
    selectRelated = new LinkedHashSet<>();
    annotations = new LinkedHashMap<>();
    hiddenAnnotations = new LinkedHashSet<>();
  }

  /**
   * The copy of {@link #copy()}: each collection is made once, as a copy. (An empty query whose
   * collections were then replaced by copies allocated them twice, on every chained call.)
   */
  private Query(Query source) {
    model = source.model;
    aliases = new AliasMap(source.aliases);
    where = source.where.copy();
    ordering = new ArrayList<>(source.ordering);
    defaultOrdering = source.defaultOrdering;
    standardOrdering = source.standardOrdering;
    low = source.low;
    high = source.high;
    distinct = source.distinct;
    distinctFields = source.distinctFields;
    selectForUpdate = source.selectForUpdate;
    selectForUpdateNowait = source.selectForUpdateNowait;
    selectForUpdateSkipLocked = source.selectForUpdateSkipLocked;
    selectForUpdateOf = source.selectForUpdateOf;
    loading = new DeferredLoading(source.loading);
    selectRelated = mutableCopy(source.selectRelated);
    selectRelatedAll = source.selectRelatedAll;
    valuesSelect = source.valuesSelect == null ? null : new ArrayList<>(source.valuesSelect);
    annotations = new LinkedHashMap<>(source.annotations);
    if (source.filterIsSticky) {
      usedAliases = mutableCopy(source.usedAliases);
      reuseUsedAliases = true;
    } else {
      usedAliases = new LinkedHashSet<>();
    }
    hiddenAnnotations = mutableCopy(source.hiddenAnnotations);
    groupBy = source.groupBy == null ? null : new ArrayList<>(source.groupBy);
    groupByModel = source.groupByModel;
    combination = source.combination;
  }

  /**
   * A mutable copy of a set (unlike {@code Set.copyOf}: later calls edit it); an empty one without
   * {@code addAll}'s iterator (most sets of a query are empty, and every chained call copies all of
   * them).
   */
  private static <T> Set<T> mutableCopy(Set<T> source) {
    return source.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(source);
  }

  public ModelMeta model() {
    return model;
  }

  /** A deep enough copy for independent editing (expressions are immutable). */
  public Query copy() {
    return new Query(this);
  }

  /**
   * Makes the joins of the last filter() reusable by the next one made on a copy (Django's {@code
   * _next_is_sticky()}): a related manager's own condition and the caller's next filter() then
   * speak of the same related row.
   */
  public void markFilterSticky() {
    filterIsSticky = true;
  }

  // ------------------------------------------------------------------ aliases and joins

  /** The alias of the base table, created on first use. */
  String baseAlias() {
    return aliases.base(model.dbTable());
  }

  /** The result of following a path: the column to use and the joins made. */
  record JoinResult(Col column, Field finalField, List<String> joins, PathResolver.Resolved path) {}

  /**
   * Follows the relation part of {@code names}, joining tables, then trims a final forward join
   * whose target column is already on the previous table ({@code user__id} reads {@code user_id}).
   */
  JoinResult setupJoins(List<String> names, String original, Set<String> reuse, boolean allowMany) {
    PathResolver.Resolved path = PathResolver.resolve(model, names, original);
    String alias = baseAlias();
    List<String> joins = new ArrayList<>();
    joins.add(alias);
    for (PathStep step : path.steps()) {
      if (step.multiValued() && !allowMany) {
        throw new MultiJoin(path);
      }
      Join j =
          new Join(
              step.toModel().dbTable(),
              null,
              alias,
              step.lhsField().column(),
              step.rhsField().column(),
              Join.Type.INNER,
              step.nullable(),
              step.multiValued(),
              step.via());
      alias = aliases.join(j, step.multiValued() ? reuse : null);
      joins.add(alias);
    }
    Field target = path.target();
    // Trim trailing forward joins whose target column the previous table already holds.
    List<PathStep> steps = path.steps();
    for (int i = steps.size() - 1; i >= 0 && joins.size() > 1; i--) {
      PathStep step = steps.get(i);
      if (!step.direct() || !step.rhsField().column().equals(target.column())) {
        break;
      }
      target = step.lhsField();
      aliases.unref(joins.remove(joins.size() - 1));
    }
    return new JoinResult(
        new Col(joins.get(joins.size() - 1), target), path.finalField(), joins, path);
  }

  /** Raised internally when a negated branch crosses a multi-valued relation. */
  static final class MultiJoin extends RuntimeException {
    final transient PathResolver.Resolved path;

    MultiJoin(PathResolver.Resolved path) {
      super(null, null, false, false);
      this.path = path;
    }
  }

  // ------------------------------------------------------------------ filters

  /** Adds a condition, AND-ed with the existing ones (one filter() call). */
  public void addFilter(Filter filter) {
    new FilterBuilder(this).addFilter(filter);
  }

  /**
   * {@code addFilter(pk=value)} without parsing a path, for get() by primary key; false, with
   * nothing added, when {@link #addFilter} has to decide (see {@link FilterBuilder#addPkExact}).
   */
  public boolean addPkFilter(Object value) {
    return new FilterBuilder(this).addPkExact(value);
  }

  @Override
  public Expression resolveCondition(Conditional condition) {
    Filter filter;
    if (condition instanceof FilterSource source) {
      filter = source.toFilter();
    } else if (condition instanceof Conditional.Lookup lookup) {
      filter = new Filter.Leaf(lookup.key(), lookup.value());
    } else {
      throw new FieldError(
          "Unsupported condition " + (condition == null ? "null" : condition.getClass().getName()));
    }
    return new FilterBuilder(this).buildCondition(filter);
  }

  @Override
  public Expression resolveRef(String path) {
    if (annotations.containsKey(path)) {
      return annotations.get(path);
    }
    List<String> names = PathResolver.split(path);
    JoinResult r = setupJoins(names, path, null, true);
    List<PathStep> steps = r.path().steps();
    if (r.path().rest().isEmpty()
        && !steps.isEmpty()
        && !steps.get(steps.size() - 1).direct()
        && r.finalField() != null
        && r.finalField().isRelation()) {
      // A reverse relation named as a value (Count("memories")) is the related row's primary key.
      usedAliases.addAll(r.joins());
      return new Col(r.joins().get(r.joins().size() - 1), r.path().opts().pk());
    }
    if (!r.path().rest().isEmpty()) {
      throw new FieldError(
          "Cannot resolve "
              + FieldError.quote(path)
              + " into a field of "
              + model.label()
              + ": F() takes a field path without lookups");
    }
    usedAliases.addAll(r.joins());
    return r.column();
  }

  // ------------------------------------------------------------------ ordering and slicing

  /** Replaces the ordering; names or OrderBy expressions. An empty list clears it. */
  public void setOrdering(List<Object> terms) {
    Ordering.validate(this, terms);
    ordering = new ArrayList<>(terms);
    defaultOrdering = false;
  }

  /** Adds ordering terms after the current ones. */
  public void addOrdering(List<Object> terms) {
    Ordering.validate(this, terms);
    ordering.addAll(terms);
    defaultOrdering = false;
  }

  public void clearOrdering(boolean keepDefault) {
    ordering = new ArrayList<>();
    defaultOrdering = keepDefault;
  }

  public void reverseOrdering() {
    standardOrdering = !standardOrdering;
  }

  /**
   * Whether the query has an ordering: explicit, or the model's default, which a grouped query
   * ignores (Django's {@code QuerySet.ordered}).
   */
  public boolean isOrdered() {
    return !ordering.isEmpty() || (defaultOrdering && !model.ordering().isEmpty() && !isGrouped());
  }

  public List<Object> ordering() {
    return List.copyOf(ordering);
  }

  /** Applies a slice relative to the current one (Django's set_limits). */
  public void setLimits(Long start, Long stop) {
    long base = low == null ? 0 : low;
    if (stop != null) {
      long newHigh = base + stop;
      high = high == null ? newHigh : Math.min(high, newHigh);
    }
    if (start != null) {
      long newLow = base + start;
      low = high == null ? newLow : Math.min(high, newLow);
    }
  }

  public boolean isSliced() {
    return (low != null && low != 0) || high != null;
  }

  public Long low() {
    return low;
  }

  public Long high() {
    return high;
  }

  /** Whether the slice selects nothing (start ≥ stop). */
  public boolean isEmptySlice() {
    return high != null && low != null && high <= low;
  }

  // ------------------------------------------------------------------ select options

  public void setDistinct(boolean distinct, List<String> fields) {
    this.distinct = distinct;
    this.distinctFields = List.copyOf(fields);
  }

  public void setSelectForUpdate(boolean nowait, boolean skipLocked, List<String> of) {
    selectForUpdate = true;
    selectForUpdateNowait = nowait;
    selectForUpdateSkipLocked = skipLocked;
    selectForUpdateOf = List.copyOf(of);
  }

  public boolean isSelectForUpdate() {
    return selectForUpdate;
  }

  /**
   * only(): load just these fields (and the primary key). A path across forward relations ({@code
   * user__username}) restricts what a selectRelated model loads and keeps the relation's column.
   */
  public void setOnly(List<String> fields) {
    Set<String> paths = new LinkedHashSet<>();
    for (String f : fields) {
      paths.add(DeferredLoading.path(model, f));
    }
    loading.setOnly(paths);
  }

  /** defer(): leave these fields out (paths across forward relations allowed). */
  public void addDeferred(List<String> fields) {
    for (String f : fields) {
      loading.defer(DeferredLoading.path(model, f));
    }
  }

  public void clearDeferred() {
    loading.clear();
  }

  /** The concrete fields a model query loads, in table order (pk always). */
  public List<Field> loadedFields() {
    return loading.fields(model, "");
  }

  /** The concrete fields loaded for the selectRelated model reached by {@code prefix}. */
  List<Field> loadedFields(ModelMeta opts, String prefix) {
    return loading.fields(opts, prefix);
  }

  // ------------------------------------------------------------------ selectRelated

  /**
   * selectRelated(paths): follows these forward foreign keys and one-to-ones in the same SELECT.
   * Each name is checked now, so a bad path is a FieldError before any SQL.
   */
  public void addSelectRelated(List<String> paths) {
    for (String path : paths) {
      List<String> names = PathResolver.split(path);
      ModelMeta opts = model;
      for (String name : names) {
        opts = RelatedSelections.follow(opts, name);
      }
      selectRelated.add(String.join("__", names));
    }
    selectRelatedAll = false;
  }

  /** selectRelated(): every non-null forward foreign key, recursively (Django's depth limit). */
  public void setSelectRelatedAll() {
    selectRelated.clear();
    selectRelatedAll = true;
  }

  /** Forgets selectRelated (count and exists subqueries do not need the related columns). */
  public void clearSelectRelated() {
    selectRelated.clear();
    selectRelatedAll = false;
  }

  public boolean hasSelectRelated() {
    return selectRelatedAll || !selectRelated.isEmpty();
  }

  /** values(): select these paths, keyed by the given names. */
  public void setValues(
      List<String> keys, List<String> paths, Map<String, Expression> expressions) {
    if (combination != null) {
      combination = combination.withValues(keys, paths, expressions);
    }
    if (groupByModel) {
      Annotator.groupByModelColumns(this);
    }
    List<SelectItem> items = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      if (hiddenAnnotations.contains(path)) {
        throw new FieldError(
            "Cannot select the "
                + FieldError.quote(path)
                + " alias. Use annotate() to promote it.");
      }
      Expression e = annotations.get(path);
      if (e == null) {
        JoinResult r = setupJoins(PathResolver.split(path), path, null, true);
        if (!r.path().rest().isEmpty()) {
          e = new FilterBuilder(this).applyTransforms(r.column(), r.path().rest(), path);
        } else {
          e = r.column();
        }
      }
      items.add(new SelectItem(keys.get(i), e));
    }
    for (Map.Entry<String, Expression> entry : expressions.entrySet()) {
      Aliases.check(model, entry.getKey(), "values() expression");
      Expression e = entry.getValue().resolve(this);
      annotations.put(entry.getKey(), e);
      items.add(new SelectItem(entry.getKey(), e));
    }
    valuesSelect = items;
  }

  public List<SelectItem> valuesSelect() {
    return valuesSelect;
  }

  // ------------------------------------------------------------------ annotations and grouping

  /**
   * annotate() ({@code select}) or alias(): resolves each expression against this query and adds it
   * under its name. An aggregate makes the query group: by the model's columns, or after values()
   * by the selected values (Django's rules).
   */
  public void addAnnotations(List<NamedExpression> items, boolean select) {
    Annotator.add(this, items, select);
  }

  /**
   * An update() value resolved against this query. As in Django, it may neither join other tables
   * (an UPDATE sets columns of one table) nor aggregate.
   */
  public Expression resolveUpdateValue(String field, Expression value) {
    return Annotator.resolveUpdateValue(this, field, value);
  }

  /** The annotations by name (resolved expressions). */
  public Map<String, Expression> annotations() {
    return java.util.Collections.unmodifiableMap(annotations);
  }

  /** Whether {@code name} was added by alias() (never selected). */
  public boolean isHiddenAnnotation(String name) {
    return hiddenAnnotations.contains(name);
  }

  /** Whether an annotation contains an aggregate. */
  public boolean hasAggregateAnnotation() {
    return annotations.values().stream().anyMatch(Expression::containsAggregate);
  }

  /**
   * Whether a window is selected or filtered on: aggregating over such a query needs it as a
   * subquery, since windows are computed after WHERE and GROUP BY.
   */
  public boolean hasWindow() {
    return io.vibevault.orm.expr.window.Window.containsOverClause(where)
        || annotations.values().stream()
            .anyMatch(io.vibevault.orm.expr.window.Window::containsOverClause);
  }

  /** Whether the query has GROUP BY. */
  public boolean isGrouped() {
    return groupByModel || groupBy != null;
  }

  /** Whether the query selects DISTINCT rows. */
  public boolean isDistinct() {
    return distinct;
  }

  public boolean isEmptyWhere() {
    return where.isEmpty();
  }

  // ------------------------------------------------------------------ set operations

  /**
   * The query combining {@code parts} with a set operation (Django's {@code _combinator_query}):
   * the first part's columns, no ordering and no slice of its own until they are set on the result.
   */
  public static Query combine(Combinator combinator, boolean all, List<Query> parts) {
    Query q = parts.get(0).copy();
    q.ordering = new ArrayList<>();
    q.defaultOrdering = false;
    q.standardOrdering = true;
    q.low = 0L;
    q.high = null;
    q.combination = new Combination(combinator, all, parts);
    return q;
  }

  /** The set operation this query is made of, or null for a plain SELECT. */
  public Combinator combinator() {
    return combination == null ? null : combination.combinator();
  }

  /** Whether any table besides the base one is joined (updates and deletes then use a subquery). */
  public boolean hasJoins() {
    for (Join j : aliases.map.values()) {
      if (!j.isBase() && aliases.refcount.getOrDefault(j.alias, 0) > 0) {
        return true;
      }
    }
    return false;
  }
}
