package io.vibevault.orm.exception;

/**
 * A name in a lookup path, ordering, values list or expression does not resolve against the model:
 * an unknown field, relation, lookup or transform. The message names the model, the offending token
 * (escaped, so control characters are visible) and the valid choices. Always raised before any SQL
 * is sent.
 *
 * <pre>{@code
 * Memory.objects.filter("colour", "red");  // FieldError: Cannot resolve keyword 'colour' into field ...
 * }</pre>
 */
public class FieldError extends OrmException {
  public FieldError(String message) {
    super(message);
  }

  /** Renders an untrusted token for an error message: quotes, control characters escaped. */
  public static String quote(String token) {
    if (token == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(token.length(), 200) + 2).append('\'');
    int limit = Math.min(token.length(), 200);
    for (int i = 0; i < limit; i++) {
      char c = token.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (token.length() > limit) {
      out.append("...(").append(token.length()).append(" chars)");
    }
    return out.append('\'').toString();
  }
}
