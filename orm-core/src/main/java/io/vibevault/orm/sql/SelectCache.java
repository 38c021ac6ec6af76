package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.Resolver;
import io.vibevault.orm.lookup.Exact;
import io.vibevault.orm.lookup.GreaterThan;
import io.vibevault.orm.lookup.GreaterThanOrEqual;
import io.vibevault.orm.lookup.IsNull;
import io.vibevault.orm.lookup.LessThan;
import io.vibevault.orm.lookup.LessThanOrEqual;
import io.vibevault.orm.lookup.Lookup;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Compiled SELECTs kept per query shape: the structure of a {@link Query} with the values of its
 * conditions left out. Two queries of one shape compile to the same SQL text and differ only in the
 * values bound to some of its parameters, so a repeated {@code get("id", id)} or a page of the same
 * filter compiles once per backend and afterwards only collects its values.
 *
 * <p>Only simple queries have a shape, so that the shape provably decides the SQL: no join in use
 * (unused ones are part of the shape), no annotations, values(), grouping, combination or DISTINCT
 * ON, string ordering terms, and a WHERE tree whose leaves are {@code exact}, {@code gt}, {@code
 * gte}, {@code lt}, {@code lte} (exactly those classes, not subclasses) with a plain value on a
 * column of the base table, or {@code isnull} (its boolean is part of the shape). Those lookups
 * write {@code column op ?} whatever the value; a value that would change the SQL never reaches
 * them ({@code None} becomes {@code isnull}, lists go to {@code in}, which has no shape).
 * Everything else in the query (model, slice bounds, ordering, only/defer, selectRelated, locking)
 * is part of the shape, as are the backend's operations and features, so different dialects never
 * share SQL.
 *
 * <p>The SQL of a shape is compiled once from a template of the query in which each value is a
 * numbered placeholder; the placeholders in the compiled parameters show where each value goes. A
 * template whose placeholders do not each appear exactly once is not kept.
 *
 * <pre>{@code
 * CompiledSelect select = SelectCache.compileSelect(query, ops, features); // as SqlCompiler's
 * }</pre>
 */
public final class SelectCache {
  /** Past this many shapes the cache starts again (shapes are few in a real application). */
  static final int MAX_SHAPES = 2048;

  private static final Map<Shape, CompiledSelect> TEMPLATES = new ConcurrentHashMap<>();

  /** Kept for a shape whose template was refused, so it is not built again on every query. */
  private static final CompiledSelect NO_TEMPLATE = new CompiledSelect("", List.of(), List.of());

  /** The lookups whose SQL is {@code lhs op ?} for any plain value, and how to remake them. */
  private static final Map<Class<?>, BiFunction<Expression, Object, Lookup>> VALUE_LOOKUPS =
      Map.of(
          Exact.class, Exact::new,
          GreaterThan.class, GreaterThan::new,
          GreaterThanOrEqual.class, GreaterThanOrEqual::new,
          LessThan.class, LessThan::new,
          LessThanOrEqual.class, LessThanOrEqual::new);

  private SelectCache() {}

  /**
   * The key of a compiled SELECT: every part of a query that can change its SQL, flattened into one
   * array (each variable-length part preceded by its length, so two different queries never flatten
   * alike). Hashing and comparing one flat array costs a fraction of walking nested lists, and a
   * filtered query looks its shape up on every evaluation.
   */
  static final class Shape {
    private Object[] parts = new Object[48];
    private int size;
    private int hash;

    void add(Object part) {
      if (size == parts.length) {
        parts = Arrays.copyOf(parts, size * 2);
      }
      parts[size++] = part;
    }

    void addAll(java.util.Collection<?> items) {
      add(items.size());
      for (Object item : items) {
        add(item);
      }
    }

    Shape done() {
      int h = 1;
      for (int i = 0; i < size; i++) {
        Object p = parts[i];
        h = 31 * h + (p == null ? 0 : p.hashCode());
      }
      hash = h;
      return this;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Shape other
          && other.hash == hash
          && other.size == size
          && Arrays.equals(parts, 0, size, other.parts, 0, size);
    }
  }

  /** Marks where a node of the WHERE tree starts in a shape (a lookup starts with its class). */
  private static final Object NODE = new Object();

  /**
   * {@code new SqlCompiler(query, ops, features).compileSelect()}, from the cache when the query
   * has a shape. Throws {@link EmptyResultSet} as the compiler does.
   */
  public static CompiledSelect compileSelect(Query query, Operations ops, Features features) {
    List<Object> values = new ArrayList<>();
    Shape shape = shapeOf(query, ops, features, values);
    if (shape == null) {
      return new SqlCompiler(query, ops, features).compileSelect();
    }
    CompiledSelect template = TEMPLATES.get(shape);
    if (template == null) {
      template = template(query, ops, features, values.size());
      if (TEMPLATES.size() >= MAX_SHAPES) {
        TEMPLATES.clear();
      }
      TEMPLATES.put(shape, template == null ? NO_TEMPLATE : template);
    }
    if (template == null || template == NO_TEMPLATE) {
      // The compiler decides (an empty slice throws EmptyResultSet there).
      return new SqlCompiler(query, ops, features).compileSelect();
    }
    return new CompiledSelect(
        template.sql(),
        fill(template.params(), values),
        template.columns(),
        template.related(),
        template.readers());
  }

  /** The shape of a query, collecting its condition values in order; null when it has none. */
  static Shape shapeOf(Query q, Operations ops, Features features, List<Object> values) {
    Shape shape = shapeParts(q, ops, features, values);
    return shape == null ? null : shape.done();
  }

  /** {@link #shapeOf} before {@link Shape#done}, for a statement that adds parts of its own. */
  static Shape shapeParts(Query q, Operations ops, Features features, List<Object> values) {
    if (q.combination != null
        || q.valuesSelect != null
        || !q.annotations.isEmpty()
        || !q.hiddenAnnotations.isEmpty()
        || q.groupBy != null
        || q.groupByModel
        || !q.distinctFields.isEmpty()) {
      return null;
    }
    for (Object term : q.ordering) {
      if (!(term instanceof String)) {
        return null;
      }
    }
    Shape shape = new Shape();
    shape.add(q.model);
    shape.add(ops);
    shape.add(features);
    if (!addJoins(q, shape)) {
      return null;
    }
    // Not q.baseAlias(): it would add the base table to a query other QuerySets share.
    String base =
        q.aliases.map.isEmpty() ? q.model.dbTable() : q.aliases.map.keySet().iterator().next();
    if (!addWhere(q.where, base, values, shape)) {
      return null;
    }
    shape.add(q.ordering.size());
    for (Object term : q.ordering) {
      shape.add(term);
    }
    shape.add(q.defaultOrdering);
    shape.add(q.standardOrdering);
    shape.add(q.low);
    shape.add(q.high);
    shape.add(q.distinct);
    shape.add(q.selectForUpdate);
    shape.add(q.selectForUpdateNowait);
    shape.add(q.selectForUpdateSkipLocked);
    shape.addAll(q.selectForUpdateOf);
    q.loading.addTo(shape);
    shape.addAll(q.selectRelated);
    shape.add(q.selectRelatedAll);
    return shape;
  }

  /**
   * The tables of the FROM clause. A filter on a foreign key ({@code filter("user", 5)}) compares
   * the local column but leaves the join it resolved through with no references: such unused joins
   * are in the shape (joins the compiler adds for ordering or selectRelated reuse them, and they
   * number later aliases); a query with a join in use has no shape.
   */
  private static boolean addJoins(Query q, Shape shape) {
    shape.add(q.aliases.map.size());
    for (Join j : q.aliases.map.values()) {
      int refs = q.aliases.refcount.getOrDefault(j.alias, 0);
      if (!j.isBase() && refs > 0) {
        return false;
      }
      shape.add(j.alias);
      shape.add(j.table);
      shape.add(j.parentAlias);
      shape.add(j.lhsColumn);
      shape.add(j.rhsColumn);
      shape.add(j.type);
      shape.add(j.nullable);
      shape.add(j.multiValued);
      shape.add(j.via);
      shape.add(refs);
    }
    return true;
  }

  private static boolean addWhere(WhereNode node, String base, List<Object> values, Shape shape) {
    shape.add(NODE);
    shape.add(node.connector);
    shape.add(node.negated);
    shape.add(node.children.size());
    for (Expression child : node.children) {
      boolean ok;
      if (child instanceof WhereNode w) {
        ok = addWhere(w, base, values, shape);
      } else if (child instanceof Lookup l) {
        ok = addLeaf(l, base, values, shape);
      } else {
        ok = false;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean addLeaf(Lookup l, String base, List<Object> values, Shape shape) {
    if (!(l.lhs() instanceof Col col) || !base.equals(col.alias())) {
      return false;
    }
    if (l.getClass() == IsNull.class) {
      shape.add(IsNull.class);
      shape.add(col.field());
      shape.add(l.rhs());
      return true;
    }
    if (!VALUE_LOOKUPS.containsKey(l.getClass()) || !l.rhsIsValue() || l.rhs() == null) {
      return false;
    }
    values.add(l.rhs());
    shape.add(l.getClass());
    shape.add(col.field());
    return true;
  }

  /**
   * Compiles a copy of the query whose condition values are numbered placeholders; null when the
   * placeholders do not come out once each, in which case the shape is not trusted.
   */
  private static CompiledSelect template(
      Query query, Operations ops, Features features, int slots) {
    Query t = query.copy();
    int[] next = {0};
    t.where = withSlots(query.where, next);
    CompiledSelect compiled;
    try {
      compiled = new SqlCompiler(t, ops, features).compileSelect();
    } catch (EmptyResultSet e) {
      return null;
    }
    return eachSlotOnce(compiled.params(), slots) ? shared(compiled) : null;
  }

  /**
   * Whether placeholders 0 to {@code slots - 1} each appear exactly once in a template's params.
   */
  static boolean eachSlotOnce(List<Object> params, int slots) {
    boolean[] seen = new boolean[slots];
    for (Object p : params) {
      if (p instanceof Slot s) {
        if (s.index >= slots || seen[s.index]) {
          return false;
        }
        seen[s.index] = true;
      }
    }
    for (boolean b : seen) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /** A template's params with each placeholder replaced by its value. */
  static List<Object> fill(List<Object> templateParams, List<Object> values) {
    List<Object> params = new ArrayList<>(templateParams.size());
    for (Object p : templateParams) {
      params.add(p instanceof Slot s ? values.get(s.index) : p);
    }
    return params;
  }

  /** A template shared by every query of a shape: nobody may change it; its readers are shared. */
  static CompiledSelect shared(CompiledSelect compiled) {
    return new CompiledSelect(
        compiled.sql(),
        Collections.unmodifiableList(compiled.params()),
        List.copyOf(compiled.columns()),
        List.copyOf(compiled.related()),
        new ShapeReaders());
  }

  /** A copy of the tree with each value lookup's value replaced by the next placeholder. */
  static WhereNode withSlots(WhereNode node, int[] next) {
    WhereNode copy = new WhereNode(node.connector, node.negated);
    for (Expression child : node.children) {
      if (child instanceof WhereNode w) {
        copy.children.add(withSlots(w, next));
      } else if (child instanceof Lookup l && VALUE_LOOKUPS.containsKey(l.getClass())) {
        copy.children.add(VALUE_LOOKUPS.get(l.getClass()).apply(l.lhs(), new Slot(next[0]++)));
      } else {
        copy.children.add(child);
      }
    }
    return copy;
  }

  /** A numbered placeholder for a value: compiles to one parameter, itself. */
  static final class Slot extends Expression {
    final int index;

    Slot(int index) {
      this.index = index;
    }

    @Override
    public Expression resolve(Resolver resolver) {
      return this;
    }

    @Override
    public Fragment compile(Compiler compiler) {
      return new Fragment("?", List.of(this));
    }

    @Override
    public FieldKind outputKind() {
      return null;
    }
  }
}
