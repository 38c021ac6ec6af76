package io.vibevault.orm.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece of SQL text with its bound parameters, in order. Parameters are neutral values (see
 * {@link io.vibevault.orm.model.FieldKind}); the text never contains a value, only {@code ?}.
 *
 * <pre>{@code
 * Fragment f = new Fragment("\"memories\".\"title\" = ?", List.of("Beach day"));
 * }</pre>
 */
public record Fragment(String sql, List<Object> params) {
  public static final Fragment EMPTY = new Fragment("", List.of());

  public Fragment {
    params = params == null ? List.of() : params;
  }

  public static Fragment of(String sql, Object... params) {
    return new Fragment(sql, List.of(params));
  }

  public static Fragment sql(String sql) {
    return new Fragment(sql, List.of());
  }

  /** This fragment's text put into {@code template} at {@code %s}, params kept in order. */
  public Fragment wrap(String template) {
    int at = template.indexOf("%s");
    if (at >= 0 && template.indexOf("%s", at + 2) < 0) {
      // One placeholder, the usual template ("(%s)", "NOT (%s)"): a concatenation.
      return new Fragment(template.substring(0, at) + sql + template.substring(at + 2), params);
    }
    return new Fragment(template.replace("%s", sql), params);
  }

  /** Joins fragments with a separator, concatenating their params. */
  public static Fragment join(String separator, List<Fragment> parts) {
    int length = 0;
    int count = 0;
    for (int i = 0; i < parts.size(); i++) {
      Fragment part = parts.get(i);
      length += part.sql().length() + separator.length();
      count += part.params().size();
    }
    StringBuilder sql = new StringBuilder(length);
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sql.append(separator);
      }
      sql.append(parts.get(i).sql());
    }
    return new Fragment(sql.toString(), concatParams(parts, count));
  }

  /** {@code template} with each {@code %s} replaced by the next fragment, params in order. */
  public static Fragment format(String template, Fragment... parts) {
    StringBuilder sql = new StringBuilder(template.length() + 16 * parts.length);
    int count = 0;
    int from = 0;
    for (Fragment part : parts) {
      int at = template.indexOf("%s", from);
      if (at < 0) {
        throw new IllegalArgumentException("template has fewer %s than fragments: " + template);
      }
      sql.append(template, from, at).append(part.sql());
      count += part.params().size();
      from = at + 2;
    }
    sql.append(template, from, template.length());
    return new Fragment(sql.toString(), concatParams(Arrays.asList(parts), count));
  }

  /**
   * The parts' params in order, in a list of exactly {@code count}; most parts have none, and
   * {@code ArrayList.addAll} copies even an empty list into a new array (a tenth of compiling a
   * filtered, annotated QuerySet went to that).
   */
  private static List<Object> concatParams(List<Fragment> parts, int count) {
    if (count == 0) {
      return new ArrayList<>(0);
    }
    List<Object> params = new ArrayList<>(count);
    for (int i = 0; i < parts.size(); i++) {
      List<Object> p = parts.get(i).params();
      if (p.size() == 1) {
        params.add(p.get(0));
      } else if (!p.isEmpty()) {
        params.addAll(p);
      }
    }
    return params;
  }
}
