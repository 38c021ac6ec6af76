package io.vibevault.orm.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what ran: one SLF4J logger per alias ({@code io.vibevault.orm.db.<alias>}, DEBUG: SQL,
 * parameters, time) and the capture stacks behind {@code Database.captureQueries}. Capture is per
 * thread; listeners see every thread.
 */
final class QueryLog {
  private static final ThreadLocal<Deque<List<CapturedQuery>>> CAPTURES =
      ThreadLocal.withInitial(ArrayDeque::new);
  private static final Map<String, Logger> LOGGERS = new ConcurrentHashMap<>();
  private static final List<Consumer<CapturedQuery>> LISTENERS =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Capture blocks open on any thread: while there are none, a query's record skips the
   * thread-local stack (most queries run with nothing capturing them).
   */
  private static final AtomicInteger CAPTURING = new AtomicInteger();

  private QueryLog() {}

  static void record(String alias, String sql, List<Object> params, long nanos) {
    Logger log =
        LOGGERS.computeIfAbsent(alias, a -> LoggerFactory.getLogger("io.vibevault.orm.db." + a));
    boolean debug = log.isDebugEnabled();
    if (CAPTURING.get() == 0 && !debug && LISTENERS.isEmpty()) {
      return;
    }
    Deque<List<CapturedQuery>> stack = CAPTURES.get();
    if (stack.isEmpty() && !debug && LISTENERS.isEmpty()) {
      return;
    }
    CapturedQuery q = new CapturedQuery(alias, sql, copy(params), nanos);
    for (List<CapturedQuery> capture : stack) {
      capture.add(q);
    }
    if (debug) {
      log.debug("({} ms) {} {}", String.format("%.3f", nanos / 1e6), sql, q.params());
    }
    for (Consumer<CapturedQuery> l : LISTENERS) {
      l.accept(q);
    }
  }

  private static List<Object> copy(List<Object> params) {
    return java.util.Collections.unmodifiableList(new ArrayList<>(params));
  }

  static List<CapturedQuery> capture(Runnable action) {
    List<CapturedQuery> captured = new ArrayList<>();
    Deque<List<CapturedQuery>> stack = CAPTURES.get();
    stack.push(captured);
    CAPTURING.incrementAndGet();
    try {
      action.run();
    } finally {
      CAPTURING.decrementAndGet();
      stack.remove(captured);
    }
    return captured;
  }

  static Runnable listen(Consumer<CapturedQuery> listener) {
    LISTENERS.add(listener);
    return () -> LISTENERS.remove(listener);
  }
}
