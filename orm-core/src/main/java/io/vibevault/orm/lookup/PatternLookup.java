package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.PatternKind;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LIKE lookups: {@code contains}, {@code icontains}, {@code startswith}, {@code istartswith},
 * {@code endswith}, {@code iendswith}. A plain value has {@code \}, {@code %} and {@code _} escaped
 * and is bound with its wildcards; an expression on the right is escaped in SQL. Always with an
 * explicit ESCAPE.
 *
 * <pre>{@code
 * Memory.objects.filter("title__contains", "100%");   // matches a literal percent sign
 * }</pre>
 */
public final class PatternLookup extends Lookup {
  private final PatternKind kind;

  public PatternLookup(PatternKind kind, Expression lhs, Object rhs) {
    super(lhs, rhs instanceof Expression ? rhs : kind.pattern(text(rhs, kind.name())));
    this.kind = kind;
  }

  /** The lookup names, each with its pattern kind. */
  public static List<PatternKind> kinds() {
    return List.of(PatternKind.values());
  }

  @Override
  public String name() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  protected Object prepare(Object value) {
    // Already turned into an escaped pattern by the constructor.
    return value;
  }

  /** A text right-hand side: numbers become their text, maps and lists are refused. */
  static String text(Object value, String lookup) {
    if (value == null) {
      throw new ValidationError(
          "Lookup '" + lookup.toLowerCase(Locale.ROOT) + "' does not accept null");
    }
    if (value instanceof Map || value instanceof Collection) {
      throw new ValidationError(
          "Lookup '"
              + lookup.toLowerCase(Locale.ROOT)
              + "' expects text, got "
              + value.getClass().getSimpleName());
    }
    if (value instanceof io.vibevault.orm.model.Choices c) {
      value = c.value();
    }
    return (String) io.vibevault.orm.model.FieldKind.TEXT.toNeutral(String.valueOf(value), lookup);
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return compiler
        .ops()
        .patternMatch(kind, compiler.compile(lhs), compileRhs(compiler), rhsIsValue());
  }
}
