package io.vibevault.orm.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of one query under their aliases (Django's {@code alias_map} and {@code
 * alias_refcount}): the base table first, then every join in the order it was made, each join with
 * the number of references to it. A join whose count falls to zero is left out of the SQL; joins
 * are made INNER where they can be and LEFT OUTER where a row without a match must survive.
 *
 * <pre>{@code
 * AliasMap aliases = new AliasMap();
 * String base = aliases.base("memories");
 * String user = aliases.join(new Join("users", null, base, "user_id", "id", INNER, false, false,
 *     null), null);
 * }</pre>
 */
final class AliasMap {
  /**
   * Alias to join, in the order the joins were made; the first is the base table. Read it, never
   * change it: the methods below change it, after copying it if a copy of this map shares it.
   */
  LinkedHashMap<String, Join> map;

  /** References to each alias: a join counted zero is not rendered. Read-only, as {@link #map}. */
  Map<String, Integer> refcount;

  /** Whether {@link #map} and {@link #refcount} are shared with a copy (see {@link #own()}). */
  private boolean shared;

  AliasMap() {
    map = new LinkedHashMap<>();
    refcount = new HashMap<>();
  }

  /**
   * A copy for independent editing (joins are immutable). The two share their maps until either
   * changes: every chained QuerySet call copies its query, and many calls (orderBy, slice, ...)
   * never touch the joins.
   */
  AliasMap(AliasMap source) {
    map = source.map;
    refcount = source.refcount;
    shared = true;
    source.shared = true;
  }

  /** Makes the maps this one's own before a change. */
  private void own() {
    if (shared) {
      map = new LinkedHashMap<>(map);
      refcount = new HashMap<>(refcount);
      shared = false;
    }
  }

  /**
   * The base table's alias, made on first use. Unlike Django's {@code get_initial_alias}, later
   * uses do not count: the base table is always in the FROM clause, and no decision reads its count
   * (promotion, demotion and the SQL skip it; the filters' before-and-after of the counts looks for
   * joins). Counting it changed the map on every {@code filter()}, and so copied the maps a
   * QuerySet's copy shares with its source, even when the filter named only the base table.
   */
  String base(String table) {
    if (map.isEmpty()) {
      own();
      map.put(table, Join.base(table, table));
      refcount.put(table, 1);
      return table;
    }
    return map.keySet().iterator().next();
  }

  /**
   * Adds a join, or reuses an equal one: single-valued joins are always reused, multi-valued joins
   * only when {@code reuse} holds them (the same filter() call), as Django does.
   */
  String join(Join join, Set<String> reuse) {
    String found = null;
    for (Join j : map.values()) {
      if (!j.isBase() && j.sameAs(join) && (reuse == null || reuse.contains(j.alias))) {
        found = j.alias;
      }
    }
    own();
    if (found != null) {
      refcount.merge(found, 1, Integer::sum);
      return found;
    }
    boolean tableUsed = false;
    for (Join j : map.values()) {
      if (j.table.equals(join.table)) {
        tableUsed = true;
        break;
      }
    }
    String alias = tableUsed ? "T" + (map.size() + 1) : join.table;
    Join parent = map.get(join.parentAlias);
    Join.Type type =
        parent.type == Join.Type.LEFT_OUTER || join.nullable
            ? Join.Type.LEFT_OUTER
            : Join.Type.INNER;
    map.put(alias, join.withAlias(alias).withType(type));
    refcount.put(alias, 1);
    return alias;
  }

  void unref(String alias) {
    own();
    refcount.merge(alias, -1, Integer::sum);
  }

  /**
   * Makes these joins LEFT OUTER where they may find no row (nullable, or under an outer join), and
   * every join under one so made.
   */
  void promote(Set<String> aliases) {
    List<String> queue = new ArrayList<>(aliases);
    while (!queue.isEmpty()) {
      String alias = queue.remove(0);
      Join j = map.get(alias);
      if (j == null || j.isBase()) {
        continue;
      }
      Join parent = map.get(j.parentAlias);
      boolean parentOuter = parent != null && parent.type == Join.Type.LEFT_OUTER;
      if ((j.nullable || parentOuter) && j.type != Join.Type.LEFT_OUTER) {
        own();
        map.put(alias, j.withType(Join.Type.LEFT_OUTER));
        for (Join child : map.values()) {
          if (alias.equals(child.parentAlias) && !queue.contains(child.alias)) {
            queue.add(child.alias);
          }
        }
      }
    }
  }

  /** Makes these LEFT OUTER joins INNER, and the outer joins they hang from. */
  void demote(Set<String> aliases) {
    List<String> queue = new ArrayList<>(aliases);
    while (!queue.isEmpty()) {
      String alias = queue.remove(0);
      Join j = map.get(alias);
      if (j != null && j.type == Join.Type.LEFT_OUTER) {
        own();
        map.put(alias, j.withType(Join.Type.INNER));
        Join parent = map.get(j.parentAlias);
        if (parent != null && parent.type == Join.Type.INNER) {
          queue.add(parent.alias);
        }
      }
    }
  }
}
