package io.vibevault.orm.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  private QueryLog() {}

  static void record(String alias, String sql, List<Object> params, long nanos) {
    Deque<List<CapturedQuery>> stack = CAPTURES.get();
    Logger log =
        LOGGERS.computeIfAbsent(alias, a -> LoggerFactory.getLogger("io.vibevault.orm.db." + a));
    boolean debug = log.isDebugEnabled();
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
    try {
      action.run();
    } finally {
      stack.remove(captured);
    }
    return captured;
  }

  static Runnable listen(Consumer<CapturedQuery> listener) {
    LISTENERS.add(listener);
    return () -> LISTENERS.remove(listener);
  }
}
