package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.Resolver;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE (or HAVING) tree: lookups and nested nodes joined by a connector, possibly negated.
 * Compiling follows Django's rules for conditions that match nothing (an empty {@code in}) or
 * everything: such children are folded away, so the database is not asked a pointless question.
 */
public final class WhereNode extends Expression {
  final Connector connector;
  final boolean negated;
  final List<Expression> children = new ArrayList<>();

  /**
   * Set once the node is a child of another: from then on it is shared by every copy of the query
   * (see {@link #copy()}), so it must not change.
   */
  private boolean attached;

  public WhereNode(Connector connector, boolean negated) {
    this.connector = connector;
    this.negated = negated;
  }

  public WhereNode() {
    this(Connector.AND, false);
  }

  void add(Expression child) {
    if (attached) {
      throw new IllegalStateException("A nested condition is shared by copies and cannot change");
    }
    if (child instanceof WhereNode w) {
      if (w.children.isEmpty()) {
        return;
      }
      w.attached = true;
    }
    children.add(child);
  }

  public boolean isEmpty() {
    return children.isEmpty();
  }

  /**
   * A copy whose own children can change; nested nodes are shared, since only a query's root node
   * is ever added to (each filter() builds its nodes whole, then attaches them). Every chained call
   * copies the query; copying the whole tree made each nested node again on every call.
   */
  WhereNode copy() {
    WhereNode c = new WhereNode(connector, negated);
    c.children.addAll(children);
    return c;
  }

  @Override
  public Expression resolve(Resolver resolver) {
    return this;
  }

  /** The WHERE part and the HAVING part of a condition (Django's {@code split_having}). */
  record Split(WhereNode where, WhereNode having) {}

  /**
   * Separates the conditions on aggregates (they go to HAVING) from the others. Under an AND the
   * children are split one by one; an OR or a negation mixing both goes to HAVING whole.
   */
  Split split() {
    if (!containsAggregate()) {
      return new Split(this, new WhereNode());
    }
    if (connector != Connector.AND || negated) {
      return new Split(new WhereNode(), this);
    }
    WhereNode where = new WhereNode();
    WhereNode having = new WhereNode();
    for (Expression child : children) {
      if (child instanceof WhereNode w) {
        Split s = w.split();
        where.add(s.where());
        having.add(s.having());
      } else if (child.containsAggregate()) {
        having.add(child);
      } else {
        where.add(child);
      }
    }
    return new Split(where, having);
  }

  /**
   * The SQL of the condition; an empty fragment means "matches everything". Throws {@link
   * EmptyResultSet} when it can match nothing.
   */
  @Override
  public Fragment compile(Compiler compiler) {
    int fullNeeded = connector == Connector.AND ? children.size() : 1;
    int emptyNeeded = connector == Connector.AND ? 1 : children.size();
    List<Fragment> parts = new ArrayList<>();
    for (Expression child : children) {
      Fragment f;
      try {
        f = compiler.compile(child);
      } catch (EmptyResultSet e) {
        emptyNeeded--;
        f = null;
      }
      if (f != null) {
        if (f.sql().isEmpty()) {
          fullNeeded--;
        } else {
          parts.add(f);
        }
      }
      if (emptyNeeded == 0) {
        if (negated) {
          return Fragment.EMPTY;
        }
        throw new EmptyResultSet();
      }
      if (fullNeeded == 0) {
        if (negated) {
          throw new EmptyResultSet();
        }
        return Fragment.EMPTY;
      }
    }
    if (parts.isEmpty()) {
      return Fragment.EMPTY;
    }
    Fragment joined;
    if (connector == Connector.XOR && parts.size() > 1) {
      List<Fragment> terms = new ArrayList<>();
      for (Fragment p : parts) {
        terms.add(p.wrap("CASE WHEN %s THEN 1 ELSE 0 END"));
      }
      joined = Fragment.join(" + ", terms).wrap("MOD(%s, 2) = 1");
    } else {
      joined =
          Fragment.join(" " + (connector == Connector.XOR ? "AND" : connector.name()) + " ", parts);
    }
    if (negated) {
      return joined.wrap("NOT (%s)");
    }
    return parts.size() > 1 ? joined.wrap("(%s)") : joined;
  }

  @Override
  public FieldKind outputKind() {
    return FieldKind.BOOLEAN;
  }

  /** A read-only view, not a copy: walks over the tree (windows, aggregates) ask every node. */
  @Override
  public List<Expression> sourceExpressions() {
    return Collections.unmodifiableList(children);
  }

  /** Walks the children directly, without the view {@link #sourceExpressions()} wraps them in. */
  @Override
  public boolean containsAggregate() {
    for (int i = 0; i < children.size(); i++) {
      Expression child = children.get(i);
      if (child != null && child.containsAggregate()) {
        return true;
      }
    }
    return false;
  }
}
