package io.vibevault.orm.backend;

import java.util.ArrayList;
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
    return new Fragment(template.replace("%s", sql), params);
  }

  /** Joins fragments with a separator, concatenating their params. */
  public static Fragment join(String separator, List<Fragment> parts) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sql.append(separator);
      }
      sql.append(parts.get(i).sql());
      params.addAll(parts.get(i).params());
    }
    return new Fragment(sql.toString(), params);
  }

  /** {@code template} with each {@code %s} replaced by the next fragment, params in order. */
  public static Fragment format(String template, Fragment... parts) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    int from = 0;
    for (Fragment part : parts) {
      int at = template.indexOf("%s", from);
      if (at < 0) {
        throw new IllegalArgumentException("template has fewer %s than fragments: " + template);
      }
      sql.append(template, from, at).append(part.sql());
      params.addAll(part.params());
      from = at + 2;
    }
    sql.append(template.substring(from));
    return new Fragment(sql.toString(), params);
  }
}
