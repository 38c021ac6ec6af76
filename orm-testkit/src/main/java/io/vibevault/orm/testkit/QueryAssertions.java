package io.vibevault.orm.testkit;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.CapturedQuery;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Counts the statements a block sends (Django's {@code assertNumQueries}). Statements are those
 * {@link Database#captureQueries} records on the current thread, on every alias; transaction
 * control ({@code BEGIN}, {@code COMMIT}, {@code SAVEPOINT}, ...) is not counted, so wrapping code
 * in {@code Transaction.atomic} does not change its count. On a mismatch the failure lists every
 * statement captured.
 *
 * <pre>{@code
 * import static io.vibevault.orm.testkit.QueryAssertions.*;
 *
 * assertNumQueries(1, () -> Tag.objects.filter("name__startswith", "t").list());
 * List<Memory> memories = assertNumQueries(2, () -> Memory.objects.prefetchRelated("tags").list());
 * assertNoQueries(() -> memories.get(0).tags.all().list());   // served from the prefetch
 * }</pre>
 */
public final class QueryAssertions {
  private QueryAssertions() {}

  /** Fails unless {@code action} sends exactly {@code expected} statements. */
  public static void assertNumQueries(int expected, Runnable action) {
    check(expected, Database.captureQueries(action));
  }

  /** Fails unless {@code action} sends exactly {@code expected} statements; returns its value. */
  public static <T> T assertNumQueries(int expected, Supplier<T> action) {
    AtomicReference<T> result = new AtomicReference<>();
    check(expected, Database.captureQueries(() -> result.set(action.get())));
    return result.get();
  }

  /** Fails if {@code action} sends any statement. */
  public static void assertNoQueries(Runnable action) {
    assertNumQueries(0, action);
  }

  /** Fails if {@code action} sends any statement; returns its value. */
  public static <T> T assertNoQueries(Supplier<T> action) {
    return assertNumQueries(0, action);
  }

  private static void check(int expected, List<CapturedQuery> captured) {
    int counted = (int) captured.stream().filter(q -> !q.isTransactionControl()).count();
    if (counted != expected) {
      throw new AssertionFailedError(describe(expected, counted, captured), expected, counted);
    }
  }

  /** The failure message: the counts, then each statement numbered (transaction control marked). */
  static String describe(int expected, int counted, List<CapturedQuery> captured) {
    StringBuilder message =
        new StringBuilder()
            .append(counted)
            .append(counted == 1 ? " query" : " queries")
            .append(" executed, ")
            .append(expected)
            .append(" expected");
    if (captured.isEmpty()) {
      return message.append("; nothing was sent").toString();
    }
    message.append(". Captured:");
    int n = 0;
    for (CapturedQuery q : captured) {
      message.append('\n');
      if (q.isTransactionControl()) {
        message.append("   -. ").append(q).append("   (transaction control, not counted)");
      } else {
        message.append(String.format("%4d. ", ++n)).append(q);
      }
      message.append("   [").append(q.alias()).append(']');
    }
    return message.toString();
  }
}
