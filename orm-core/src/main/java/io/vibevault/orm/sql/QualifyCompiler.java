package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.OrderBy;
import io.vibevault.orm.expr.window.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A query filtered on a window (Django 4.2's {@code get_qualify_sql}): SQL computes windows after
 * WHERE, so the query without those conditions becomes a derived table, every selected column
 * aliased, and the window conditions, the ordering and the slice apply outside it:
 *
 * <pre>{@code
 * SELECT "qualify"."col1", ..., "qualify"."rank" FROM (SELECT ... AS "col1", ...,
 * ROW_NUMBER() OVER (...) AS "rank" FROM ... WHERE ...) "qualify"
 * WHERE "qualify"."rank" <= ? ORDER BY "qualify"."col3" DESC LIMIT 10
 * }</pre>
 *
 * <p>Conditions joined by AND are split: the plain ones stay inside. An OR (or a negated AND)
 * mixing window and plain conditions goes outside whole, with the plain columns it needs selected
 * as {@code qual0, ...}; in a grouped query Django refuses that, and so does this.
 */
final class QualifyCompiler implements Compiler {
  private static final String QUALIFY = "qualify";

  private final SqlCompiler outer;
  private final Query query;
  private final List<Expression> extra = new ArrayList<>();
  private Map<Fragment, String> aliases;
  private SqlCompiler inner;

  QualifyCompiler(SqlCompiler outer, Query query) {
    this.outer = outer;
    this.query = query;
  }

  /** Whether the query filters on a window. */
  static boolean needed(Query query) {
    return query.combination == null && Window.containsOverClause(query.where);
  }

  CompiledSelect compileSelect() {
    Split split = split(query.where, false, query.isGrouped());
    Query innerQuery = query.copy();
    innerQuery.where = split.where() == null ? new WhereNode() : split.where();
    // Resolved on the inner query, so the joins an ordering needs are made there.
    boolean grouped = query.isGrouped();
    List<OrderBy> ordering =
        grouped && query.ordering.isEmpty() && query.defaultOrdering
            ? List.of()
            : Ordering.resolve(innerQuery);
    innerQuery.ordering = new ArrayList<>();
    innerQuery.defaultOrdering = false;
    innerQuery.low = 0L;
    innerQuery.high = null;

    // First pass: what the inner query selects, under which aliases.
    inner = innerCompiler(innerQuery, List.of());
    inner.compileSelect();
    aliases = inner.selectedAliases;

    // The outer terms; columns they need that the inner query does not select become extras.
    Fragment condition = compile(split.qualify());
    List<Fragment> order = new ArrayList<>();
    for (OrderBy o : ordering) {
      order.add(ops().orderBy(compile(o.expression()), o.isDescending(), o.nullsFirstOrNull()));
    }

    SqlCompiler second = innerCompiler(innerQuery, extra);
    CompiledSelect in = second.compileSelect();
    // The outer query lists the inner columns by alias, leaving out the extras it only filters on.
    List<String> columns = new ArrayList<>();
    for (String alias : second.columnAliases) {
      columns.add(quoteColumn(QUALIFY, alias));
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(String.join(", ", columns))
            .append(" FROM (")
            .append(in.sql())
            .append(") ")
            .append(quote(QUALIFY));
    List<Object> params = new ArrayList<>(in.params());
    if (!condition.sql().isEmpty()) {
      sql.append(" WHERE ").append(condition.sql());
      params.addAll(condition.params());
    }
    if (!order.isEmpty()) {
      Fragment o = Fragment.join(", ", order);
      sql.append(" ORDER BY ").append(o.sql());
      params.addAll(o.params());
    }
    Long limit = query.high == null ? null : query.high - (query.low == null ? 0 : query.low);
    long offset = query.low == null ? 0 : query.low;
    if (limit != null || offset > 0) {
      Fragment lo = ops().limitOffset(limit, offset);
      sql.append(lo.sql());
      params.addAll(lo.params());
    }
    return new CompiledSelect(sql.toString(), params, in.columns(), in.related());
  }

  private SqlCompiler innerCompiler(Query innerQuery, List<Expression> extraSelect) {
    SqlCompiler c = outer.sibling(innerQuery);
    c.aliasColumns = true;
    c.extraSelect = List.copyOf(extraSelect);
    return c;
  }

  /** The part that stays in WHERE/HAVING and the part on windows (either may be null). */
  private record Split(WhereNode where, WhereNode qualify) {}

  /** Django's {@code split_having_qualify}, for the window part. */
  private static Split split(WhereNode node, boolean negated, boolean grouped) {
    if (!Window.containsOverClause(node)) {
      return new Split(node, null);
    }
    boolean inNegated = negated ^ node.negated;
    boolean mustRemainConnected =
        (inNegated && node.connector == Connector.AND)
            || (!inNegated && node.connector == Connector.OR)
            || node.connector == Connector.XOR;
    List<Expression> restParts = new ArrayList<>();
    List<Expression> qualifyParts = new ArrayList<>();
    // Conditions on neither windows nor aggregates (Django's where_parts, as opposed to HAVING).
    boolean plainParts = false;
    for (Expression child : node.children) {
      if (child instanceof WhereNode w) {
        Split s = split(w, inNegated, grouped);
        if (s.where() != null) {
          restParts.add(s.where());
          plainParts |= !s.where().containsAggregate();
        }
        if (s.qualify() != null) {
          qualifyParts.add(s.qualify());
        }
      } else if (Window.containsOverClause(child)) {
        qualifyParts.add(child);
      } else {
        restParts.add(child);
        plainParts |= !child.containsAggregate();
      }
    }
    if (mustRemainConnected && !qualifyParts.isEmpty()) {
      if (!plainParts || !grouped) {
        return new Split(null, node);
      }
      throw new NotSupportedError(
          "Heterogeneous disjunctive predicates against window functions are not implemented"
              + " when performing conditional aggregation.");
    }
    return new Split(node(node, restParts), node(node, qualifyParts));
  }

  private static WhereNode node(WhereNode like, List<Expression> children) {
    if (children.isEmpty()) {
      return null;
    }
    WhereNode n = new WhereNode(like.connector, like.negated);
    for (Expression c : children) {
      n.add(c);
    }
    return n;
  }

  // ------------------------------------------------------------------ the outer query's terms

  /**
   * An expression of the outer query: a term the inner query selects is its column of {@code
   * "qualify"}; a window or a column it does not select is added to it; anything else is written
   * around its parts.
   */
  @Override
  public Fragment compile(Expression expression) {
    if (expression == null) {
      return Fragment.EMPTY;
    }
    Fragment f = inner.compile(expression);
    String alias = aliases.get(f);
    if (alias == null
        && (expression instanceof Window
            || expression instanceof Col
            || (expression.containsAggregate() && !Window.containsOverClause(expression)))) {
      int index = extra.indexOf(expression);
      if (index < 0) {
        extra.add(expression);
        index = extra.size() - 1;
      }
      alias = "qual" + index;
    }
    if (alias != null) {
      return Fragment.sql(quoteColumn(QUALIFY, alias));
    }
    return expression.compile(this);
  }

  @Override
  public Operations ops() {
    return outer.ops();
  }

  @Override
  public Features features() {
    return outer.features();
  }

  @Override
  public String tableAlias(String alias) {
    return inner.tableAlias(alias);
  }

  @Override
  public Fragment compileOuterRef(String name, int depth) {
    return inner.compileOuterRef(name, depth);
  }
}
