package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A key (or array index, for an all-digit name) inside a JSON column: {@code
 * metricsJson__sentiment__label}. The path is always bound as a parameter by the backend, never
 * written into the SQL; keys are taken literally, whatever characters they hold.
 *
 * <pre>{@code
 * Memory.objects.filter("metricsJson__sentiment__label", "positive");
 * Memory.objects.filter("metricsJson__topics__0", "beach");
 * }</pre>
 */
public final class KeyTransform extends Transform {
  /** The deepest path accepted, a guard against absurd inputs. */
  public static final int MAX_DEPTH = 32;

  private final Expression column;
  private final List<Object> path;

  public KeyTransform(Expression lhs, String key) {
    super(lhs);
    // A key no document can hold (NUL, a lone surrogate) is refused, never sent: a driver could
    // replace a lone surrogate with '?' and match another key.
    FieldKind.TEXT.toNeutral(key, "key");
    List<Object> p = new ArrayList<>();
    if (lhs instanceof KeyTransform parent) {
      this.column = parent.column;
      p.addAll(parent.path);
    } else {
      this.column = lhs;
    }
    p.add(isIndex(key) ? (Object) Integer.parseInt(key) : key);
    if (p.size() > MAX_DEPTH) {
      throw new ArgumentError("JSON path too deep (max " + MAX_DEPTH + ")");
    }
    this.path = Collections.unmodifiableList(p);
  }

  private static boolean isIndex(String key) {
    if (key.isEmpty() || key.length() > 9) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The JSON column the path starts from. */
  public Expression column() {
    return column;
  }

  /** Keys (String) and array indexes (Integer), outermost first. */
  public List<Object> path() {
    return path;
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return compiler.ops().jsonExtract(compiler.compile(column), path);
  }

  /** The value at the path as SQL text or number, for text lookups. */
  public Fragment compileScalar(Compiler compiler) {
    return compiler.ops().jsonExtractScalar(compiler.compile(column), path);
  }

  @Override
  public FieldKind outputKind() {
    return FieldKind.JSON;
  }
}
