package io.vibevault.orm.exception;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value is not valid for its field. From {@code fullClean()} it lists every field's errors at
 * once; from a filter it names the one bad value (a map where a scalar belongs, a lone surrogate,
 * text that is not an integer).
 *
 * <pre>{@code
 * try { memory.fullClean(); } catch (ValidationError e) { e.errors().get("title"); }
 * }</pre>
 */
public class ValidationError extends OrmException {
  /** Key for errors that belong to no single field. */
  public static final String NON_FIELD_ERRORS = "__all__";

  private final Map<String, List<String>> errors;

  public ValidationError(String message) {
    this(Map.of(NON_FIELD_ERRORS, List.of(message)));
  }

  public ValidationError(String field, String message) {
    this(Map.of(field, List.of(message)));
  }

  public ValidationError(Map<String, List<String>> errors) {
    super(render(errors));
    Map<String, List<String>> copy = new LinkedHashMap<>();
    errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.errors = Collections.unmodifiableMap(copy);
  }

  /** Every error, by field name (or {@link #NON_FIELD_ERRORS}), in field order. */
  public Map<String, List<String>> errors() {
    return errors;
  }

  private static String render(Map<String, List<String>> errors) {
    if (errors.size() == 1 && errors.containsKey(NON_FIELD_ERRORS)) {
      return String.join("; ", errors.get(NON_FIELD_ERRORS));
    }
    StringBuilder out = new StringBuilder();
    errors.forEach(
        (field, messages) -> {
          if (out.length() > 0) {
            out.append("; ");
          }
          out.append(field).append(": ").append(String.join(" ", messages));
        });
    return out.toString();
  }
}
