package io.vibevault.orm.sql;

import io.vibevault.orm.model.Field;
import java.util.Objects;

/**
 * One table in the FROM clause: the base table (no parent) or a join to a parent alias on {@code
 * parent.lhsColumn = this.rhsColumn}. Join type changes (promotion to LEFT OUTER, demotion to
 * INNER) produce copies.
 */
final class Join {
  enum Type {
    INNER,
    LEFT_OUTER
  }

  final String table;
  final String alias;
  final String parentAlias;
  final String lhsColumn;
  final String rhsColumn;
  final Type type;
  final boolean nullable;
  final boolean multiValued;

  /** The relation field followed to make this join (identity for reuse). */
  final Field via;

  Join(
      String table,
      String alias,
      String parentAlias,
      String lhsColumn,
      String rhsColumn,
      Type type,
      boolean nullable,
      boolean multiValued,
      Field via) {
    this.table = table;
    this.alias = alias;
    this.parentAlias = parentAlias;
    this.lhsColumn = lhsColumn;
    this.rhsColumn = rhsColumn;
    this.type = type;
    this.nullable = nullable;
    this.multiValued = multiValued;
    this.via = via;
  }

  static Join base(String table, String alias) {
    return new Join(table, alias, null, null, null, null, false, false, null);
  }

  boolean isBase() {
    return parentAlias == null;
  }

  Join withType(Type t) {
    return new Join(table, alias, parentAlias, lhsColumn, rhsColumn, t, nullable, multiValued, via);
  }

  Join withAlias(String a) {
    return new Join(table, a, parentAlias, lhsColumn, rhsColumn, type, nullable, multiValued, via);
  }

  /** Same table reached the same way from the same parent (alias and type ignored). */
  boolean sameAs(Join other) {
    return Objects.equals(table, other.table)
        && Objects.equals(parentAlias, other.parentAlias)
        && Objects.equals(lhsColumn, other.lhsColumn)
        && Objects.equals(rhsColumn, other.rhsColumn);
  }
}
