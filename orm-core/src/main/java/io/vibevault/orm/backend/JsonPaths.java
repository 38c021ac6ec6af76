package io.vibevault.orm.backend;

import java.util.List;

/**
 * The JSON path encoder the backends bind JSON lookups with: keys always quoted and escaped,
 * indexes checked, so that no user-supplied key is ever read as path syntax.
 *
 * <pre>{@code
 * JsonPaths.encode(List.of("a.b", 0));   // $."a.b"[0]
 * }</pre>
 */
public final class JsonPaths {
  private JsonPaths() {}

  /**
   * Encodes a path of keys (String) and array indexes (Integer) as a JSON path: every key is quoted
   * ({@code $."a.b"[0]}) with {@code "}, {@code \} and control characters escaped as in JSON, so no
   * key is ever read as path syntax. The result is bound as a parameter, never put into SQL text.
   */
  public static String encode(List<Object> path) {
    StringBuilder out = new StringBuilder("$");
    for (Object leg : path) {
      if (leg instanceof String key) {
        out.append(".\"");
        for (int i = 0; i < key.length(); i++) {
          char c = key.charAt(i);
          if (c == '\0') {
            throw new IllegalArgumentException("A JSON key may not contain NUL");
          }
          // Escaped as Jackson writes the document's keys, for engines that compare undecoded.
          switch (c) {
            case '"', '\\' -> out.append('\\').append(c);
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
              if (c < 0x20) {
                out.append(String.format("\\u%04X", (int) c));
              } else {
                out.append(c);
              }
            }
          }
        }
        out.append('"');
      } else {
        out.append('[').append(arrayIndex(leg)).append(']');
      }
    }
    return out.toString();
  }

  /** A path leg that must be an array index: a non-negative Integer (or Long). */
  public static int arrayIndex(Object leg) {
    if ((leg instanceof Integer || leg instanceof Long) && ((Number) leg).longValue() >= 0) {
      return Math.toIntExact(((Number) leg).longValue());
    }
    throw new IllegalArgumentException(
        "A JSON path leg must be a String key or a non-negative Integer index, got " + leg);
  }
}
