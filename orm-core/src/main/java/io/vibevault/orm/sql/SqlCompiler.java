package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.OrderBy;
import io.vibevault.orm.model.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Query} into SQL for one backend (Django's {@code SQLCompiler}): SELECT, COUNT,
 * EXISTS. Works on a copy of the query, because resolving the ordering may join tables. Every
 * identifier is quoted by the backend; every value is a bound parameter.
 *
 * <pre>{@code
 * CompiledSelect select = new SqlCompiler(query, ops, features).compileSelect();
 * }</pre>
 */
public final class SqlCompiler implements Compiler {
  private final Query query;
  private final Operations ops;
  private final Features features;

  /** The compiler of the enclosing query when this one writes a subquery, else null. */
  private final SqlCompiler parent;

  /** Inside a subquery: each table alias relabelled ({@code U0}, {@code U1}, ...). */
  private final java.util.Map<String, String> relabels = new java.util.HashMap<>();

  private final String aliasPrefix;

  /**
   * Set by {@link QualifyCompiler} for the query it wraps: every selected column gets a unique
   * alias (so the outer query can name it, and MariaDB sees no duplicate names in the derived
   * table), and {@link #extraSelect} is selected last as {@code qual0, qual1, ...}.
   */
  boolean aliasColumns;

  List<Expression> extraSelect = List.of();

  /** After {@link #compileSelect} with {@link #aliasColumns}: each selected term and its alias. */
  final java.util.Map<Fragment, String> selectedAliases = new java.util.LinkedHashMap<>();

  /**
   * After {@link #compileSelect} with {@link #aliasColumns}: the select list's aliases, in order.
   */
  final List<String> columnAliases = new ArrayList<>();

  public SqlCompiler(Query query, Operations ops, Features features) {
    this(query, ops, features, null);
  }

  /** A compiler for a subquery of {@code parent}'s query. */
  SqlCompiler(Query query, Operations ops, Features features, SqlCompiler parent) {
    this.query = query.copy();
    this.query.baseAlias();
    this.ops = ops;
    this.features = features;
    this.parent = parent;
    this.aliasPrefix = parent == null ? null : nextPrefix(parent.aliasPrefix);
  }

  /** U for the first level of subqueries, V for the next, ... so no level shadows another. */
  private static String nextPrefix(String outer) {
    if (outer == null) {
      return "U";
    }
    char c = outer.charAt(0);
    return c < 'Z' ? String.valueOf((char) (c + 1)) : outer + "U";
  }

  @Override
  public String tableAlias(String alias) {
    if (parent == null) {
      return alias;
    }
    return relabels.computeIfAbsent(alias, a -> aliasPrefix + relabels.size());
  }

  @Override
  public Fragment compileOuterRef(String name, int depth) {
    if (depth == 0) {
      return compile(query.resolveRef(name));
    }
    if (parent == null) {
      return Compiler.super.compileOuterRef(name, depth);
    }
    if (depth > 1) {
      return parent.compileOuterRef(name, depth - 1);
    }
    return parent.compile(parent.query.resolveRef(name));
  }

  @Override
  public Operations ops() {
    return ops;
  }

  @Override
  public Features features() {
    return features;
  }

  @Override
  public Fragment compile(Expression expression) {
    return expression.compile(this);
  }

  /** The SELECT for iteration. Throws {@link EmptyResultSet} when no row can match. */
  public CompiledSelect compileSelect() {
    if (query.combination != null) {
      return new CombinedCompiler(this, query).compileSelect();
    }
    if (query.isEmptySlice()) {
      throw new EmptyResultSet();
    }
    if (QualifyCompiler.needed(query)) {
      return new QualifyCompiler(this, query).compileSelect();
    }
    query.baseAlias();
    boolean grouped = query.isGrouped();
    Grouping group = new Grouping(this);
    List<Fragment> select = new ArrayList<>();
    List<SelectColumn> columns = new ArrayList<>();
    List<RelatedSelect> related = List.of();
    java.util.Map<Integer, String> named = new java.util.HashMap<>();
    List<Fragment> raw = new ArrayList<>();
    if (query.valuesSelect != null) {
      for (Query.SelectItem item : query.valuesSelect) {
        Expression e = item.expression();
        Fragment f = compile(e);
        group.selected(f, select.size() + 1);
        boolean isNamed = query.annotations.containsKey(item.key());
        if (isNamed) {
          named.put(select.size(), item.key());
        }
        raw.add(f);
        select.add(isNamed ? Fragment.format("%s AS " + quote(item.key()), f) : f);
        columns.add(
            new SelectColumn(
                item.key(),
                e instanceof Col c ? c.field() : e.outputField(),
                e.outputKind(),
                false));
        if (grouped) {
          group.addAll(e.groupByExpressions());
        }
      }
    } else {
      String base = query.baseAlias();
      for (Field f : query.loadedFields()) {
        Fragment col = new Col(base, f).compile(this);
        raw.add(col);
        select.add(col);
        columns.add(new SelectColumn(f.attname(), f, f.kind(), false));
        if (grouped) {
          group.add(col);
        }
      }
      query.annotations.forEach(
          (name, e) -> {
            if (query.hiddenAnnotations.contains(name)) {
              return;
            }
            Fragment f = compile(e);
            group.selected(f, select.size() + 1);
            named.put(select.size(), name);
            raw.add(f);
            select.add(Fragment.format("%s AS " + quote(name), f));
            columns.add(new SelectColumn(name, e.outputField(), e.outputKind(), true));
            if (grouped) {
              group.addAll(e.groupByExpressions());
            }
          });
      int before = select.size();
      related = RelatedSelections.add(query, this, select);
      raw.addAll(select.subList(before, select.size()));
      if (grouped) {
        for (Fragment f : select.subList(before, select.size())) {
          group.add(f);
        }
      }
    }
    if (query.groupBy != null) {
      // After the select list, so that terms with parameters can be grouped by position.
      group.addAll(query.groupBy);
    }
    // A grouped query ignores the model's default ordering: it would split the groups (the
    // Django 3.2 bug) or order by columns that are not grouped.
    List<OrderBy> ordering =
        grouped && query.ordering.isEmpty() && query.defaultOrdering
            ? List.of()
            : Ordering.resolve(query);
    WhereNode.Split split = query.where.split();
    Fragment where = split.where().compile(this);
    Fragment having = split.having().compile(this);
    List<Fragment> orderSql = new ArrayList<>();
    for (OrderBy o : ordering) {
      if (grouped) {
        Fragment term = group.reference(compile(o.expression()));
        orderSql.add(ops.orderBy(term, o.isDescending(), o.nullsFirstOrNull()));
        group.addAll(o.expression().groupByExpressions());
      } else {
        orderSql.add(compile(o));
      }
    }
    if (grouped) {
      group.addAll(split.having().groupByExpressions());
    }
    if (query.distinct) {
      // SELECT DISTINCT may only order by selected expressions (PostgreSQL insists): as Django
      // does, select the ordering terms too, after the columns the readers know about.
      List<String> selected = new ArrayList<>();
      for (Fragment f : select) {
        selected.add(f.sql());
      }
      for (OrderBy o : ordering) {
        if (o.expression() instanceof SelectRef) {
          continue; // already selected under its alias
        }
        Fragment term = compile(o.expression());
        if (!selected.contains(term.sql())) {
          raw.add(term);
          select.add(term);
          selected.add(term.sql());
        }
      }
    }
    if (aliasColumns) {
      aliasSelected(select, raw, named, group, grouped);
    }
    if (query.distinct && !query.distinctFields.isEmpty()) {
      throw new NotSupportedError("distinct(fields) is not supported yet; use distinct()");
    }
    Fragment selectList = Fragment.join(", ", select);
    Fragment from = fromSql();
    Fragment groupSql = grouped && !group.isEmpty() ? group.sql() : Fragment.EMPTY;
    Fragment order = orderSql.isEmpty() ? Fragment.EMPTY : Fragment.join(", ", orderSql);
    // Sized once: grown from the default, the builder of a long select list was copied over and
    // over (a grouped query repeats every column in GROUP BY).
    StringBuilder sql =
        new StringBuilder(
            64
                + selectList.sql().length()
                + from.sql().length()
                + where.sql().length()
                + groupSql.sql().length()
                + having.sql().length()
                + order.sql().length());
    List<Object> params = new ArrayList<>();
    sql.append(query.distinct ? "SELECT DISTINCT " : "SELECT ");
    sql.append(selectList.sql());
    params.addAll(selectList.params());
    sql.append(" FROM ").append(from.sql());
    params.addAll(from.params());
    appendClause(sql, params, " WHERE ", where);
    appendClause(sql, params, " GROUP BY ", groupSql);
    appendClause(sql, params, " HAVING ", having);
    appendClause(sql, params, " ORDER BY ", order);
    appendLimit(sql, params);
    if (query.selectForUpdate) {
      sql.append(lockClause());
    }
    return new CompiledSelect(sql.toString(), params, columns, related);
  }

  /**
   * Gives every selected term a unique alias ({@code col1}, ... or its annotation name), notes it
   * in {@link #selectedAliases}, and selects {@link #extraSelect} last.
   */
  private void aliasSelected(
      List<Fragment> select,
      List<Fragment> raw,
      java.util.Map<Integer, String> named,
      Grouping group,
      boolean grouped) {
    for (int i = 0; i < select.size(); i++) {
      String alias = named.get(i);
      if (alias == null) {
        alias = "col" + (i + 1);
        select.set(i, Fragment.format("%s AS " + quote(alias), raw.get(i)));
      }
      selectedAliases.putIfAbsent(raw.get(i), alias);
      columnAliases.add(alias);
    }
    for (int i = 0; i < extraSelect.size(); i++) {
      Expression e = extraSelect.get(i);
      Fragment f = compile(e);
      String alias = "qual" + i;
      select.add(Fragment.format("%s AS " + quote(alias), f));
      selectedAliases.putIfAbsent(f, alias);
      if (grouped) {
        group.addAll(e.groupByExpressions());
      }
    }
  }

  /** {@code keyword} and the clause, unless the clause is empty. */
  private static void appendClause(
      StringBuilder sql, List<Object> params, String keyword, Fragment clause) {
    if (!clause.sql().isEmpty()) {
      sql.append(keyword).append(clause.sql());
      params.addAll(clause.params());
    }
  }

  private void appendLimit(StringBuilder sql, List<Object> params) {
    Long limit = query.high == null ? null : query.high - (query.low == null ? 0 : query.low);
    long offset = query.low == null ? 0 : query.low;
    if (limit != null || offset > 0) {
      Fragment lo = ops.limitOffset(limit, offset);
      sql.append(lo.sql());
      params.addAll(lo.params());
    }
  }

  private String lockClause() {
    if (!features.hasSelectForUpdate()) {
      if (query.selectForUpdateNowait
          || query.selectForUpdateSkipLocked
          || !query.selectForUpdateOf.isEmpty()) {
        throw new NotSupportedError(
            "This database backend does not support NOWAIT, SKIP LOCKED or OF in select_for_update");
      }
      // Without row locks (SQLite) the write transaction already holds the database lock.
      return "";
    }
    if (query.selectForUpdateNowait && !features.hasSelectForUpdateNowait()) {
      throw new NotSupportedError("NOWAIT is not supported on this database backend.");
    }
    if (query.selectForUpdateSkipLocked && !features.hasSelectForUpdateSkipLocked()) {
      throw new NotSupportedError("SKIP LOCKED is not supported on this database backend.");
    }
    if (query.selectForUpdateNowait && query.selectForUpdateSkipLocked) {
      throw new io.vibevault.orm.exception.ArgumentError(
          "The nowait option cannot be used with skip_locked.");
    }
    List<String> of = new ArrayList<>();
    for (String name : query.selectForUpdateOf) {
      if (!features.hasSelectForUpdateOf()) {
        throw new NotSupportedError("FOR UPDATE OF is not supported on this database backend.");
      }
      of.add(quote(name.equals("self") ? query.baseAlias() : resolveOfAlias(name)));
    }
    return ops.forUpdate(query.selectForUpdateNowait, query.selectForUpdateSkipLocked, of);
  }

  private String resolveOfAlias(String path) {
    Query.JoinResult r = query.setupJoins(PathResolver.split(path), path, null, true);
    if (!r.finalField().isRelation()) {
      throw new io.vibevault.orm.exception.FieldError(
          "Invalid field name "
              + io.vibevault.orm.exception.FieldError.quote(path)
              + " given in select_for_update(of=(...)): only relational fields followed in the query are allowed");
    }
    return r.joins().get(r.joins().size() - 1);
  }

  /** The SELECT of this query compiled inside {@code outer}'s (a subquery). */
  static SqlCompiler forSubquery(Query inner, SqlCompiler outer) {
    return new SqlCompiler(inner, outer.ops, outer.features, outer);
  }

  /** A compiler for a member of this query's combination, at the same subquery level. */
  SqlCompiler sibling(Query member) {
    return new SqlCompiler(member, ops, features, parent);
  }

  /** SELECT COUNT(*), wrapping the query when it is sliced or distinct. */
  public Fragment compileCount() {
    if (QualifyCompiler.needed(query)) {
      CompiledSelect s = compileSelect();
      return new Fragment("SELECT COUNT(*) FROM (" + s.sql() + ") subquery", s.params());
    }
    if (query.combination != null) {
      Fragment from = new CombinedCompiler(this, query).asDerivedTable();
      return new Fragment("SELECT COUNT(*) FROM " + from.sql(), from.params());
    }
    if (query.isSliced() || query.distinct || query.isGrouped()) {
      Query inner = query.copy();
      inner.ordering = new ArrayList<>();
      inner.defaultOrdering = false;
      inner.clearSelectRelated();
      CompiledSelect s = new SqlCompiler(inner, ops, features, parent).compileSelect();
      return new Fragment("SELECT COUNT(*) FROM (" + s.sql() + ") subquery", s.params());
    }
    Fragment where = whereSql();
    Fragment from = fromSql();
    List<Object> params = new ArrayList<>(from.params());
    String sql = "SELECT COUNT(*) FROM " + from.sql();
    if (!where.sql().isEmpty()) {
      sql += " WHERE " + where.sql();
      params.addAll(where.params());
    }
    return new Fragment(sql, params);
  }

  /** SELECT 1 ... LIMIT 1. */
  public Fragment compileExists() {
    if (QualifyCompiler.needed(query)) {
      CompiledSelect s = compileSelect();
      Fragment limit = ops.limitOffset(1L, 0);
      List<Object> params = new ArrayList<>(s.params());
      params.addAll(limit.params());
      return new Fragment(
          "SELECT 1 AS " + quote("a") + " FROM (" + s.sql() + ") subquery" + limit.sql(), params);
    }
    if (query.combination != null) {
      Fragment from = new CombinedCompiler(this, query).asDerivedTable();
      Fragment limit = ops.limitOffset(1L, 0);
      List<Object> params = new ArrayList<>(from.params());
      params.addAll(limit.params());
      return new Fragment(
          "SELECT 1 AS " + quote("a") + " FROM " + from.sql() + limit.sql(), params);
    }
    if (query.isSliced() || query.isGrouped()) {
      Query inner = query.copy();
      inner.ordering = new ArrayList<>();
      inner.defaultOrdering = false;
      inner.clearSelectRelated();
      CompiledSelect s = new SqlCompiler(inner, ops, features, parent).compileSelect();
      Fragment limit = ops.limitOffset(1L, 0);
      List<Object> params = new ArrayList<>(s.params());
      params.addAll(limit.params());
      return new Fragment(
          "SELECT 1 AS " + quote("a") + " FROM (" + s.sql() + ") subquery" + limit.sql(), params);
    }
    Fragment where = whereSql();
    Fragment from = fromSql();
    List<Object> params = new ArrayList<>(from.params());
    StringBuilder sql =
        new StringBuilder("SELECT 1 AS ").append(quote("a")).append(" FROM ").append(from.sql());
    if (!where.sql().isEmpty()) {
      sql.append(" WHERE ").append(where.sql());
      params.addAll(where.params());
    }
    Fragment limit = ops.limitOffset(1L, 0);
    sql.append(limit.sql());
    params.addAll(limit.params());
    return new Fragment(sql.toString(), params);
  }

  /** The WHERE condition; empty means none. Throws {@link EmptyResultSet}. */
  public Fragment whereSql() {
    return query.where.compile(this);
  }

  /**
   * The primary keys of matching rows, as a subquery usable in UPDATE and DELETE on every backend.
   */
  public Fragment pkSubquery() {
    Query inner = query.copy();
    inner.ordering = new ArrayList<>();
    inner.defaultOrdering = false;
    Field pk = query.model().pk();
    inner.valuesSelect = List.of(new Query.SelectItem("pk", new Col(inner.baseAlias(), pk)));
    CompiledSelect s = new SqlCompiler(inner, ops, features).compileSelect();
    // The extra derived table lets MySQL select from the table being changed.
    return new Fragment("SELECT * FROM (" + s.sql() + ") subquery", s.params());
  }

  /** The FROM clause: base table and every referenced join. */
  public Fragment fromSql() {
    StringBuilder sql = new StringBuilder();
    for (Join j : query.aliases.map.values()) {
      String alias = tableAlias(j.alias);
      if (j.isBase()) {
        sql.append(quote(j.table));
        if (!alias.equals(j.table)) {
          sql.append(' ').append(quote(alias));
        }
        continue;
      }
      if (query.aliases.refcount.getOrDefault(j.alias, 0) <= 0) {
        continue;
      }
      sql.append(j.type == Join.Type.INNER ? " INNER JOIN " : " LEFT OUTER JOIN ");
      sql.append(quote(j.table));
      if (!alias.equals(j.table)) {
        sql.append(' ').append(quote(alias));
      }
      sql.append(" ON (")
          .append(quote(tableAlias(j.parentAlias)))
          .append('.')
          .append(quote(j.lhsColumn))
          .append(" = ")
          .append(quote(alias))
          .append('.')
          .append(quote(j.rhsColumn))
          .append(')');
    }
    return Fragment.sql(sql.toString());
  }

  /** The compiled query's base table alias. */
  public String baseAlias() {
    return query.baseAlias();
  }
}
