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

  public SqlCompiler(Query query, Operations ops, Features features) {
    this.query = query.copy();
    this.query.baseAlias();
    this.ops = ops;
    this.features = features;
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
    if (query.isEmptySlice()) {
      throw new EmptyResultSet();
    }
    query.baseAlias();
    List<Fragment> select = new ArrayList<>();
    List<SelectColumn> columns = new ArrayList<>();
    List<RelatedSelect> related = List.of();
    if (query.valuesSelect != null) {
      for (Query.SelectItem item : query.valuesSelect) {
        select.add(compile(item.expression()));
        Expression e = item.expression();
        columns.add(
            new SelectColumn(
                item.key(),
                e instanceof Col c ? c.field() : e.outputField(),
                e.outputKind(),
                false));
      }
    } else {
      String base = query.baseAlias();
      for (Field f : query.loadedFields()) {
        select.add(new Col(base, f).compile(this));
        columns.add(new SelectColumn(f.attname(), f, f.kind(), false));
      }
      query.annotations.forEach(
          (name, e) -> {
            select.add(Fragment.format("%s AS " + quote(name), compile(e)));
            columns.add(new SelectColumn(name, e.outputField(), e.outputKind(), true));
          });
      related = RelatedSelections.add(query, this, select);
    }
    List<OrderBy> ordering = Ordering.resolve(query);
    Fragment where = whereSql();
    List<Fragment> orderSql = new ArrayList<>();
    for (OrderBy o : ordering) {
      orderSql.add(compile(o));
    }
    if (query.distinct) {
      // SELECT DISTINCT may only order by selected expressions (PostgreSQL insists): as Django
      // does, select the ordering terms too, after the columns the readers know about.
      List<String> selected = new ArrayList<>();
      for (Fragment f : select) {
        selected.add(f.sql());
      }
      for (OrderBy o : ordering) {
        Fragment term = compile(o.expression());
        if (!selected.contains(term.sql())) {
          select.add(term);
          selected.add(term.sql());
        }
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    List<Object> params = new ArrayList<>();
    if (query.distinct) {
      if (!query.distinctFields.isEmpty()) {
        throw new NotSupportedError("distinct(fields) is not supported yet; use distinct()");
      }
      sql.append("DISTINCT ");
    }
    Fragment selectList = Fragment.join(", ", select);
    sql.append(selectList.sql());
    params.addAll(selectList.params());
    Fragment from = fromSql();
    sql.append(" FROM ").append(from.sql());
    params.addAll(from.params());
    if (!where.sql().isEmpty()) {
      sql.append(" WHERE ").append(where.sql());
      params.addAll(where.params());
    }
    if (!orderSql.isEmpty()) {
      Fragment order = Fragment.join(", ", orderSql);
      sql.append(" ORDER BY ").append(order.sql());
      params.addAll(order.params());
    }
    appendLimit(sql, params);
    if (query.selectForUpdate) {
      sql.append(lockClause());
    }
    return new CompiledSelect(sql.toString(), params, columns, related);
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

  /** SELECT COUNT(*), wrapping the query when it is sliced or distinct. */
  public Fragment compileCount() {
    if (query.isSliced() || query.distinct) {
      Query inner = query.copy();
      inner.ordering = new ArrayList<>();
      inner.defaultOrdering = false;
      inner.clearSelectRelated();
      CompiledSelect s = new SqlCompiler(inner, ops, features).compileSelect();
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
    if (query.isSliced()) {
      Query inner = query.copy();
      inner.ordering = new ArrayList<>();
      inner.defaultOrdering = false;
      inner.clearSelectRelated();
      CompiledSelect s = new SqlCompiler(inner, ops, features).compileSelect();
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
    for (Join j : query.aliasMap.values()) {
      if (j.isBase()) {
        sql.append(quote(j.table));
        if (!j.alias.equals(j.table)) {
          sql.append(' ').append(quote(j.alias));
        }
        continue;
      }
      if (query.refcount.getOrDefault(j.alias, 0) <= 0) {
        continue;
      }
      sql.append(j.type == Join.Type.INNER ? " INNER JOIN " : " LEFT OUTER JOIN ");
      sql.append(quote(j.table));
      if (!j.alias.equals(j.table)) {
        sql.append(' ').append(quote(j.alias));
      }
      sql.append(" ON (")
          .append(quote(j.parentAlias))
          .append('.')
          .append(quote(j.lhsColumn))
          .append(" = ")
          .append(quote(j.alias))
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
