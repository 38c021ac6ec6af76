package io.vibevault.orm.query;

import java.util.Iterator;

/**
 * A streaming iterator over a QuerySet's rows ({@code iterator(chunkSize)}). It holds a database
 * connection until exhausted or closed: use it in try-with-resources.
 *
 * <pre>{@code
 * try (ResultIterator<Memory> it = Memory.objects.all().iterator(2000)) {
 *   while (it.hasNext()) process(it.next());
 * }
 * }</pre>
 */
public interface ResultIterator<R> extends Iterator<R>, AutoCloseable {
  @Override
  void close();
}
