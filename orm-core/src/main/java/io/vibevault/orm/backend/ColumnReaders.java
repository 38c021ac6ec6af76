package io.vibevault.orm.backend;

import io.vibevault.orm.backend.Operations.ValueReader;
import io.vibevault.orm.model.FieldKind;

/**
 * Column readers for the kinds every driver reads alike through its typed getters (text, integers,
 * booleans, JSON as text), for a backend's {@link Operations#reader}: the getter is picked once per
 * result set instead of switching on the kind per value, and object getters answer null themselves,
 * without a second call to {@code wasNull}. A backend adds its own for the kinds its driver reads
 * differently (date-times, say) and falls back to its general read for the rest.
 *
 * <pre>{@code
 * ValueReader r = ColumnReaders.plain(3, FieldKind.TEXT); // rs -> rs.getString(3)
 * }</pre>
 */
public final class ColumnReaders {
  private ColumnReaders() {}

  /** The reader of column {@code index} (1-based) of {@code kind}; null for other kinds. */
  public static ValueReader plain(int index, FieldKind kind) {
    return switch (kind) {
      case CHAR, TEXT, EMAIL, URL, SLUG, FILE -> rs -> rs.getString(index);
      case AUTO, BIG_AUTO, INTEGER, BIG_INTEGER, SMALL_INTEGER, POSITIVE_INTEGER ->
          rs -> {
            long v = rs.getLong(index);
            return v == 0 && rs.wasNull() ? null : v;
          };
      case BOOLEAN ->
          rs -> {
            boolean v = rs.getBoolean(index);
            return !v && rs.wasNull() ? null : v;
          };
      case JSON ->
          rs -> {
            String text = rs.getString(index);
            return text == null ? null : new JsonText(text);
          };
      default -> null;
    };
  }
}
