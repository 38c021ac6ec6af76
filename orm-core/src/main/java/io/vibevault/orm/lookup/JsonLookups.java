package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.PatternKind;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The lookups of JSON columns and of keys inside them (Django's {@code KeyTransform*} and {@code
 * HasKey} family). Comparisons on a key compare JSON values (numbers as numbers, {@code null} as
 * JSON null); text lookups on a key read the value as text.
 *
 * <pre>{@code
 * Memory.objects.filter("metricsJson__has_key", "sentiment");
 * Memory.objects.filter("metricsJson__wordCount__gt", 55);
 * Memory.objects.filter("metricsJson__sentiment__isnull", true);   // key absent
 * }</pre>
 */
public final class JsonLookups {
  private JsonLookups() {}

  /**
   * A lookup registered under several names that differ only in how it compiles ({@code exact} and
   * {@code gt}, {@code has_key} and {@code has_keys}): the instance remembers the name it was made
   * for.
   */
  abstract static class NamedLookup extends Lookup {
    private final String name;

    NamedLookup(Expression lhs, Object rhs, String name) {
      super(lhs, rhs);
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }
  }

  /** {@code key = value} (and the JSON column itself = document) as JSON values. */
  public static final class JsonCompare extends NamedLookup {
    private final String operator;

    public JsonCompare(Expression lhs, Object rhs, String name, String operator) {
      super(lhs, rhs instanceof Expression ? rhs : json(rhs), name);
      this.operator = operator;
    }

    @Override
    protected Object prepare(Object value) {
      return value;
    }

    @Override
    public Fragment compile(Compiler compiler) {
      if (!operator.equals("=")
          && lhs instanceof KeyTransform key
          && rhs instanceof JsonText json) {
        // Ordering comparisons: numbers as numbers, text as text, on every backend.
        Object plain = json.parse();
        Fragment column = compiler.compile(key.column());
        if (plain instanceof Number) {
          return Fragment.format(
              "%s " + operator + " %s",
              compiler.ops().jsonExtractNumber(column, key.path()),
              new Fragment(
                  "?", List.of(plain instanceof java.math.BigDecimal d ? d.doubleValue() : plain)));
        }
        if (plain instanceof String) {
          return Fragment.format(
              "%s " + operator + " %s",
              compiler.ops().jsonExtractScalar(column, key.path()),
              new Fragment("?", List.of(plain)));
        }
      }
      Fragment left =
          lhs instanceof KeyTransform
              ? compiler.compile(lhs)
              : compiler.ops().jsonExtract(compiler.compile(lhs), List.of());
      Fragment right =
          rhs instanceof Expression e
              ? compiler.compile(e)
              : compiler.ops().jsonValue((JsonText) rhs);
      return Fragment.format("%s " + operator + " %s", left, right);
    }
  }

  /** {@code key__in=[...]}: any of the JSON values. */
  public static final class KeyIn extends Lookup {
    public KeyIn(Expression lhs, Object rhs) {
      super(lhs, rhs);
    }

    @Override
    public String name() {
      return "in";
    }

    @Override
    protected Object prepare(Object value) {
      if (!(value instanceof Collection<?> c)) {
        throw new ValidationError("Lookup 'in' expects a list");
      }
      List<Object> out = new ArrayList<>();
      for (Object o : c) {
        out.add(json(o));
      }
      return out;
    }

    @Override
    public Fragment compile(Compiler compiler) {
      List<?> values = (List<?>) rhs;
      if (values.isEmpty()) {
        throw new io.vibevault.orm.expr.EmptyResultSet();
      }
      Fragment left = compiler.compile(lhs);
      List<Fragment> parts = new ArrayList<>();
      for (Object v : values) {
        parts.add(Fragment.format("%s = %s", left, compiler.ops().jsonValue((JsonText) v)));
      }
      return Fragment.join(" OR ", parts).wrap("(%s)");
    }
  }

  /** {@code key__isnull}: true when the key is absent, false when present (even as JSON null). */
  public static final class KeyIsNull extends Lookup {
    public KeyIsNull(Expression lhs, Object rhs) {
      super(lhs, rhs);
    }

    @Override
    public String name() {
      return "isnull";
    }

    @Override
    protected Object prepare(Object value) {
      if (!(value instanceof Boolean)) {
        throw new io.vibevault.orm.exception.ArgumentError(
            "The 'isnull' lookup only accepts true or false");
      }
      return value;
    }

    @Override
    public Fragment compile(Compiler compiler) {
      KeyTransform key = (KeyTransform) lhs;
      Fragment has = compiler.ops().jsonHasKey(compiler.compile(key.column()), key.path());
      // A NULL document has no key: COALESCE keeps "absent" true where a backend answers NULL.
      return (Boolean) rhs ? has.wrap("NOT (COALESCE(%s, FALSE))") : has;
    }
  }

  /** Text lookups on a key's value (icontains, startswith, iexact, regex, ...). */
  public static final class KeyText extends NamedLookup {
    private final PatternKind pattern;

    public KeyText(Expression lhs, Object rhs, String name, PatternKind pattern) {
      super(lhs, pattern == null ? rhs : pattern.pattern(PatternLookup.text(rhs, name)), name);
      this.pattern = pattern;
    }

    @Override
    protected Object prepare(Object value) {
      return value instanceof String ? value : PatternLookup.text(value, "text");
    }

    @Override
    public Fragment compile(Compiler compiler) {
      Fragment left = ((KeyTransform) lhs).compileScalar(compiler);
      Fragment right = compileRhs(compiler);
      if (pattern != null) {
        return compiler.ops().patternMatch(pattern, left, right, true);
      }
      return switch (name()) {
        case "iexact" -> compiler.ops().iexact(left, right);
        case "regex" -> compiler.ops().regex(left, right, false);
        case "iregex" -> compiler.ops().regex(left, right, true);
        default -> throw new IllegalStateException(name());
      };
    }
  }

  /** {@code has_key}, {@code has_keys} (all), {@code has_any_keys} (any). */
  public static final class HasKey extends NamedLookup {
    public HasKey(Expression lhs, Object rhs, String name) {
      super(lhs, rhs, name);
    }

    @Override
    protected Object prepare(Object value) {
      List<String> keys = new ArrayList<>();
      if (value instanceof Collection<?> c) {
        for (Object o : c) {
          keys.add(String.valueOf(o));
        }
      } else if (value instanceof String s) {
        keys.add(s);
      } else {
        throw new ValidationError("has_key expects a key or a list of keys");
      }
      for (String k : keys) {
        io.vibevault.orm.model.FieldKind.TEXT.toNeutral(k, "key");
      }
      return keys;
    }

    @Override
    public Fragment compile(Compiler compiler) {
      @SuppressWarnings("unchecked")
      List<String> keys = (List<String>) rhs;
      Expression column = lhs instanceof KeyTransform k ? k.column() : lhs;
      List<Object> prefix = lhs instanceof KeyTransform k ? k.path() : List.of();
      List<Fragment> parts = new ArrayList<>();
      for (String key : keys) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(key);
        parts.add(compiler.ops().jsonHasKey(compiler.compile(column), path));
      }
      if (parts.isEmpty()) {
        throw new io.vibevault.orm.expr.EmptyResultSet();
      }
      String joiner = name().equals("has_any_keys") ? " OR " : " AND ";
      return Fragment.join(joiner, parts).wrap("(%s)");
    }
  }

  /** {@code contains} / {@code contained_by} on a JSON column: JSON containment. */
  public static final class Containment extends Lookup {
    private final boolean containedBy;

    public Containment(Expression lhs, Object rhs, boolean containedBy) {
      super(lhs, rhs instanceof Expression ? rhs : json(rhs));
      this.containedBy = containedBy;
    }

    @Override
    public String name() {
      return containedBy ? "contained_by" : "contains";
    }

    @Override
    protected Object prepare(Object value) {
      return value;
    }

    @Override
    public Fragment compile(Compiler compiler) {
      if (!compiler.features().supportsJsonContains()) {
        throw new NotSupportedError(name() + " lookup is not supported on this database backend.");
      }
      Fragment column = lhs instanceof KeyTransform ? compiler.compile(lhs) : compiler.compile(lhs);
      return compiler.ops().jsonContains(column, (JsonText) rhs, containedBy);
    }
  }

  static Object plain(Object value) {
    if (value instanceof io.vibevault.orm.model.Choices c) {
      return c.value();
    }
    return value;
  }

  /**
   * A right-hand side as a JSON document, checked as a JSONField's value is (no NUL, no lone
   * surrogate), so a lookup cannot send what no column could hold.
   */
  static JsonText json(Object value) {
    Object plain = plain(value);
    return plain == null
        ? JsonText.of(null)
        : (JsonText) io.vibevault.orm.model.FieldKind.JSON.toNeutral(plain, "value");
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
