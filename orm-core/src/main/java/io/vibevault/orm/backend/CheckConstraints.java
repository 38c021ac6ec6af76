package io.vibevault.orm.backend;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The SQL of a model's declared check constraints, the same on every backend: conditions are
 * written as {@code path=jsonValue} ({@code path} a field or {@code field__lookup}, the value a
 * JSON literal or {@code F(otherField)}) and rendered with literals, since DDL cannot bind
 * parameters.
 *
 * <pre>{@code
 * var check = new ModelMeta.CheckSpec("score_range", List.of("score__gte=0", "score__lte=F(best)"));
 * new CheckConstraints(ops, ops::quoteName).condition(model, check);
 * // ("score" >= 0) AND ("score" <= "best")
 * }</pre>
 */
final class CheckConstraints {
  private static final Set<String> LOOKUPS =
      Set.of("exact", "gt", "gte", "lt", "lte", "in", "isnull", "range");

  private final Operations ops;
  private final UnaryOperator<String> quote;

  /**
   * {@code quote} is the schema editor's own name quoting, so that an override reaches here too.
   */
  CheckConstraints(Operations ops, UnaryOperator<String> quote) {
    this.ops = ops;
    this.quote = quote;
  }

  /** The fields a check constraint reads, on either side of its conditions. */
  static List<String> fields(ModelMeta.CheckSpec check) {
    List<String> names = new ArrayList<>();
    for (String condition : check.conditions()) {
      int eq = condition.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String path = condition.substring(0, eq).strip();
      int sep = path.lastIndexOf("__");
      if (sep > 0 && LOOKUPS.contains(path.substring(sep + 2))) {
        path = path.substring(0, sep);
      }
      names.add(path);
      String raw = condition.substring(eq + 1).strip();
      if (raw.startsWith("F(") && raw.endsWith(")")) {
        names.add(raw.substring(2, raw.length() - 1).strip());
      }
    }
    return names;
  }

  /**
   * Renders {@code path=jsonValue} conditions, AND-ed, with literals: DDL cannot bind. The path is
   * {@code field} or {@code field__lookup}; the value a JSON literal or {@code F(otherField)}.
   */
  String condition(ModelMeta model, ModelMeta.CheckSpec check) {
    List<String> parts = new ArrayList<>();
    for (String condition : check.conditions()) {
      parts.add("(" + renderCondition(model, check.name(), condition) + ")");
    }
    return String.join(" AND ", parts);
  }

  private String renderCondition(ModelMeta model, String name, String condition) {
    int eq = condition.indexOf('=');
    if (eq <= 0) {
      throw new FieldError(
          "Check constraint '" + name + "': expected 'path=value', got " + condition);
    }
    String path = condition.substring(0, eq).strip();
    String raw = condition.substring(eq + 1).strip();
    String lookup = "exact";
    int sep = path.lastIndexOf("__");
    if (sep > 0 && LOOKUPS.contains(path.substring(sep + 2))) {
      lookup = path.substring(sep + 2);
      path = path.substring(0, sep);
    }
    Field field = model.field(path);
    String column = q(field.column());
    if (raw.startsWith("F(") && raw.endsWith(")")) {
      String other = q(model.field(raw.substring(2, raw.length() - 1).strip()).column());
      return switch (lookup) {
        case "exact" -> column + " = " + other;
        case "gt" -> column + " > " + other;
        case "gte" -> column + " >= " + other;
        case "lt" -> column + " < " + other;
        case "lte" -> column + " <= " + other;
        default ->
            throw new FieldError(
                "Check constraint '" + name + "': " + lookup + " cannot compare with F()");
      };
    }
    Object value = new JsonText(raw).parse();
    return switch (lookup) {
      case "exact" -> value == null ? column + " IS NULL" : column + " = " + literal(field, value);
      case "gt" -> column + " > " + literal(field, value);
      case "gte" -> column + " >= " + literal(field, value);
      case "lt" -> column + " < " + literal(field, value);
      case "lte" -> column + " <= " + literal(field, value);
      case "isnull" -> column + (Boolean.TRUE.equals(value) ? " IS NULL" : " IS NOT NULL");
      case "in" -> {
        List<String> items = new ArrayList<>();
        for (Object v : list(name, value, -1)) {
          items.add(literal(field, v));
        }
        yield column + " IN (" + String.join(", ", items) + ")";
      }
      case "range" -> {
        List<?> bounds = list(name, value, 2);
        yield column
            + " BETWEEN "
            + literal(field, bounds.get(0))
            + " AND "
            + literal(field, bounds.get(1));
      }
      default -> throw new AssertionError(lookup);
    };
  }

  private String literal(Field field, Object value) {
    return ops.quoteValue(field.toNeutral(value));
  }

  private static List<?> list(String name, Object value, int size) {
    if (!(value instanceof List<?> l) || l.isEmpty() || (size > 0 && l.size() != size)) {
      throw new FieldError(
          "Check constraint '"
              + name
              + "': expected a JSON list"
              + (size > 0 ? " of " + size : "")
              + ", got "
              + value);
    }
    return l;
  }

  private String q(String name) {
    return quote.apply(name);
  }
}
