package io.vibevault.orm.sql;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.NamedExpression;
import io.vibevault.orm.model.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How annotations edit a query description (Django's {@code add_annotation} and {@code
 * set_group_by}): names checked, expressions resolved, and the query made to group when an
 * aggregate arrives. Also the rule for expressions in update().
 */
final class Annotator {
  private Annotator() {}

  /**
   * annotate() ({@code select}) or alias(): resolves each expression against the query and adds it
   * under its name. An aggregate makes the query group: by the model's columns, or after values()
   * by the selected values.
   */
  static void add(Query query, List<NamedExpression> items, boolean select) {
    boolean aggregate = false;
    for (NamedExpression item : items) {
      String alias = item.alias();
      Aliases.check(query.model, alias, "annotation");
      Expression resolved = item.expression().resolve(query);
      query.annotations.put(alias, resolved);
      if (select) {
        query.hiddenAnnotations.remove(alias);
        if (query.valuesSelect != null) {
          query.valuesSelect.removeIf(i -> i.key().equals(alias));
          query.valuesSelect.add(new Query.SelectItem(alias, resolved));
        }
      } else {
        query.hiddenAnnotations.add(alias);
      }
      aggregate |= resolved.containsAggregate();
    }
    if (aggregate) {
      if (query.valuesSelect == null) {
        query.groupByModel = true;
      } else {
        query.groupBy = new ArrayList<>();
        for (Query.SelectItem i : query.valuesSelect) {
          query.groupBy.addAll(i.expression().groupByExpressions());
        }
      }
    }
  }

  /** values() after an aggregate annotation: the model's columns stay the groups (Django). */
  static void groupByModelColumns(Query query) {
    List<Expression> groupBy = new ArrayList<>();
    String base = query.baseAlias();
    for (Field f : query.model.concreteFields()) {
      groupBy.add(new Col(base, f));
    }
    for (Map.Entry<String, Expression> a : query.annotations.entrySet()) {
      if (!query.hiddenAnnotations.contains(a.getKey())) {
        groupBy.addAll(a.getValue().groupByExpressions());
      }
    }
    query.groupBy = groupBy;
    query.groupByModel = false;
  }

  /**
   * An update() value resolved against the query. As in Django, it may neither join other tables
   * (an UPDATE sets columns of one table) nor aggregate.
   */
  static Expression resolveUpdateValue(Query query, String field, Expression value) {
    Map<String, Integer> before = new HashMap<>(query.aliases.refcount);
    Expression resolved = value.resolve(query);
    for (Map.Entry<String, Integer> e : query.aliases.refcount.entrySet()) {
      Join j = query.aliases.map.get(e.getKey());
      if (j != null && !j.isBase() && e.getValue() > before.getOrDefault(e.getKey(), 0)) {
        throw new FieldError(
            "Joined field references are not permitted in this query: "
                + FieldError.quote(field)
                + " = "
                + value);
      }
    }
    if (resolved.containsAggregate()) {
      throw new FieldError(
          "Aggregate functions are not allowed in this query: "
              + FieldError.quote(field)
              + " = "
              + value);
    }
    return resolved;
  }
}
