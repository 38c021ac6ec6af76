package io.vibevault.orm.sql;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.OrderBy;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY terms: validation when the ordering is set (so a bad name fails before any SQL) and
 * resolution into expressions when the query is compiled. A name is {@code field}, {@code -field},
 * a path across relations, or {@code ?} for random order; anything else is refused.
 */
final class Ordering {
  /**
   * The shape of a name: possessive, so a rejected name costs one pass whatever its underscores (a
   * backtracking pattern took minutes on {@code "a" + "_".repeat(60) + "!"}). The path itself is
   * checked by resolving it against the model.
   */
  /**
   * Whether {@code s} is {@code -?[A-Za-z_][A-Za-z0-9_]*} (a field path, {@code __} included),
   * checked by hand: a regular expression was a third of validating an ordering, set on most
   * queries.
   */
  static boolean isName(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == start || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** The longest ordering name accepted; longer is refused before any parsing. */
  private static final int MAX_NAME_LENGTH = 1_000;

  private Ordering() {}

  static void validate(Query query, List<Object> terms) {
    for (Object term : terms) {
      if (term instanceof String s) {
        if (s.equals("?")) {
          continue;
        }
        if (s.length() > MAX_NAME_LENGTH || !isName(s)) {
          throw new FieldError(
              "Invalid order_by argument "
                  + FieldError.quote(s)
                  + " for "
                  + query.model().label()
                  + ": use a field path, '-' for descending, or '?'");
        }
        String path = s.startsWith("-") ? s.substring(1) : s;
        if (!query.annotations.containsKey(path)) {
          PathResolver.resolve(query.model(), PathResolver.split(path), s);
        }
      } else if (!(term instanceof Expression)) {
        throw new ArgumentError(
            "order_by takes field names or expressions, got "
                + (term == null ? "null" : term.getClass().getSimpleName()));
      }
    }
  }

  /** The effective terms: explicit ones, else the model's default; reversed when asked. */
  static List<OrderBy> resolve(Query query) {
    List<Object> terms = new ArrayList<>(query.ordering);
    if (terms.isEmpty() && query.defaultOrdering) {
      terms.addAll(query.model().ordering());
    }
    List<OrderBy> out = new ArrayList<>();
    for (Object term : terms) {
      expand(query, term, out, new ArrayList<>());
    }
    if (!query.standardOrdering) {
      out.replaceAll(OrderBy::reversed);
    }
    return out;
  }

  private static void expand(Query query, Object term, List<OrderBy> out, List<ModelMeta> seen) {
    if (term instanceof OrderBy o) {
      out.add((OrderBy) o.resolve(query));
      return;
    }
    if (term instanceof Expression e) {
      out.add(new OrderBy(e.resolve(query), false, null));
      return;
    }
    String name = (String) term;
    if (name.equals("?")) {
      out.add(new OrderBy(new Random(), false, null));
      return;
    }
    boolean desc = name.startsWith("-");
    String path = desc ? name.substring(1) : name;
    Expression annotation = query.annotations.get(path);
    if (annotation != null) {
      out.add(
          new OrderBy(
              isSelected(query, path) ? new SelectRef(path, annotation) : annotation, desc, null));
      return;
    }
    Query.JoinResult r = query.setupJoins(PathResolver.split(path), name, null, true);
    Field f = r.finalField();
    boolean endsOnRelation =
        f != null
            && f.isRelation()
            && r.path().rest().isEmpty()
            && !path.endsWith(f.attname())
            && !r.path().steps().isEmpty();
    if (endsOnRelation) {
      ModelMeta target = r.path().opts();
      if (!target.ordering().isEmpty() && !seen.contains(target)) {
        seen.add(target);
        for (String sub : target.ordering()) {
          boolean subDesc = sub.startsWith("-");
          String subPath = subDesc ? sub.substring(1) : sub;
          expand(query, (desc ^ subDesc ? "-" : "") + path + "__" + subPath, out, seen);
        }
        return;
      }
    }
    Expression e = r.column();
    if (!r.path().rest().isEmpty()) {
      e = new FilterBuilder(query).applyTransforms(r.column(), r.path().rest(), name);
    }
    out.add(new OrderBy(e, desc, null));
  }

  /** ORDER BY ? : the backend's random function. */
  static final class Random extends Expression {
    @Override
    public Expression resolve(io.vibevault.orm.expr.Resolver resolver) {
      return this;
    }

    @Override
    public io.vibevault.orm.backend.Fragment compile(io.vibevault.orm.expr.Compiler compiler) {
      return io.vibevault.orm.backend.Fragment.sql(compiler.ops().randomFunction());
    }

    /** Random order never splits groups. */
    @Override
    public List<Expression> groupByExpressions() {
      return List.of();
    }
  }

  /** Whether the annotation is in the select list under its own name. */
  private static boolean isSelected(Query query, String name) {
    if (query.valuesSelect != null) {
      return query.valuesSelect.stream().anyMatch(i -> i.key().equals(name));
    }
    return !query.hiddenAnnotations.contains(name);
  }

  static boolean isColumn(Expression e) {
    return e instanceof Col;
  }
}
