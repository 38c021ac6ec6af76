package io.vibevault.orm.backend;

import io.vibevault.orm.backend.Operations.ValueReader;
import io.vibevault.orm.model.FieldKind;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Column readers for the kinds every driver reads alike through its typed getters (text, integers,
 * booleans, JSON as text), for a backend's {@link Operations#reader}: the getter is picked once per
 * result set instead of switching on the kind per value, and object getters answer null themselves,
 * without a second call to {@code wasNull}. A backend adds its own for the kinds its driver reads
 * differently (date-times, say) and falls back to its general read for the rest.
 *
 * <pre>{@code
 * ValueReader r = ColumnReaders.plain(3, FieldKind.TEXT); // rs -> rs.getString(3)
 * ValueReader any = ColumnReaders.uniform(rs -> rs.getObject(4)); // the same class as r
 * }</pre>
 *
 * <p>Every reader made here is of one final class, which switches on the getter. A row reads its
 * columns from one call site; readers of a lambda class per kind made that site megamorphic (an
 * interface call through a stub per column, never inlined: 2-3% of a 10,000-row query's CPU on
 * PostgreSQL). With one class the call is monomorphic and inlined, and a backend's own readers are
 * wrapped by {@link #uniform} to keep it so.
 */
public final class ColumnReaders {
  private ColumnReaders() {}

  private enum Getter {
    STRING,
    LONG,
    BOOLEAN,
    JSON,
    DELEGATE
  }

  /** The reader of column {@code index} (1-based) of {@code kind}; null for other kinds. */
  public static ValueReader plain(int index, FieldKind kind) {
    Getter getter =
        switch (kind) {
          case CHAR, TEXT, EMAIL, URL, SLUG, FILE -> Getter.STRING;
          case AUTO, BIG_AUTO, INTEGER, BIG_INTEGER, SMALL_INTEGER, POSITIVE_INTEGER -> Getter.LONG;
          case BOOLEAN -> Getter.BOOLEAN;
          case JSON -> Getter.JSON;
          default -> null;
        };
    return getter == null ? null : new Column(getter, index, null);
  }

  /** {@code reader} as a reader of this class (itself when it already is one). */
  public static ValueReader uniform(ValueReader reader) {
    return reader instanceof Column ? reader : new Column(Getter.DELEGATE, 0, reader);
  }

  private static final class Column implements ValueReader {
    private final Getter getter;
    private final int index;
    private final ValueReader delegate;

    Column(Getter getter, int index, ValueReader delegate) {
      this.getter = getter;
      this.index = index;
      this.delegate = delegate;
    }

    @Override
    public Object read(ResultSet rs) throws SQLException {
      switch (getter) {
        case STRING:
          return rs.getString(index);
        case LONG:
          long l = rs.getLong(index);
          return l == 0 && rs.wasNull() ? null : l;
        case BOOLEAN:
          boolean b = rs.getBoolean(index);
          return !b && rs.wasNull() ? null : b;
        case JSON:
          String text = rs.getString(index);
          return text == null ? null : new JsonText(text);
        default:
          return delegate.read(rs);
      }
    }
  }
}
