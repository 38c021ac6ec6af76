package io.vibevault.orm.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The row readers of one query shape ({@link SelectCache}, {@link PrimaryKeySelect}): built on the
 * shape's first evaluation for each database and kind of row, then shared by every later query of
 * the shape, on any thread. Building a reader resolves each column's field, converter and deferred
 * state, which cost about as much as compiling the SQL did before the SQL was cached.
 *
 * <pre>{@code
 * RowReader<Model> reader =
 *     select.readers() == null
 *         ? Hydrator.models(meta, select, ops, db)
 *         : select.readers().computeIfAbsent(key, k -> Hydrator.models(meta, select, ops, db));
 * }</pre>
 *
 * <p>A reader kept here must hold no per-query state: the readers {@code Hydrator} builds keep only
 * what the columns decide (the backend's column readers among them, which see no result set).
 */
public final class ShapeReaders {
  private final Map<Object, Object> readers = new ConcurrentHashMap<>(4);

  ShapeReaders() {}

  /** The reader kept under {@code key} (the kind of row and the database), built on first use. */
  @SuppressWarnings("unchecked")
  public <T> T computeIfAbsent(Object key, Function<Object, T> build) {
    Object reader = readers.get(key);
    if (reader == null) {
      reader = readers.computeIfAbsent(key, build);
    }
    return (T) reader;
  }
}
