package io.vibevault.orm.backend;

/**
 * The pattern lookups, each a LIKE with an explicit escape character.
 *
 * <pre>{@code
 * ops.patternMatch(PatternKind.ICONTAINS, lhs, rhs, true);
 * }</pre>
 */
public enum PatternKind {
  CONTAINS(false, true, true),
  ICONTAINS(true, true, true),
  STARTSWITH(false, false, true),
  ISTARTSWITH(true, false, true),
  ENDSWITH(false, true, false),
  IENDSWITH(true, true, false);

  private final boolean caseInsensitive;
  private final boolean leadingWildcard;
  private final boolean trailingWildcard;

  PatternKind(boolean caseInsensitive, boolean leadingWildcard, boolean trailingWildcard) {
    this.caseInsensitive = caseInsensitive;
    this.leadingWildcard = leadingWildcard;
    this.trailingWildcard = trailingWildcard;
  }

  public boolean caseInsensitive() {
    return caseInsensitive;
  }

  /** The bound LIKE pattern for a plain value: wildcards added, {@code \ % _} escaped. */
  public String pattern(String value) {
    StringBuilder out = new StringBuilder(value.length() + 4);
    if (leadingWildcard) {
      out.append('%');
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    if (trailingWildcard) {
      out.append('%');
    }
    return out.toString();
  }

  public boolean leadingWildcard() {
    return leadingWildcard;
  }

  public boolean trailingWildcard() {
    return trailingWildcard;
  }
}
