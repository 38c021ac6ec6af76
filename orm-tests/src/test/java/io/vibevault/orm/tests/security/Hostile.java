package io.vibevault.orm.tests.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.query.AbstractQuerySet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The two verdicts of THREATS.md §2. A <em>reject</em> row passes only when the typed exception is
 * thrown and no statement reached JDBC; an <em>accept</em> row only when the hostile text travels
 * as a bound parameter (the SQL text is the one a harmless value gives) and the rows equal a
 * reference computed in Java.
 */
final class Hostile {
  private Hostile() {}

  /** What an accepted query sent and returned. */
  record Ran<T>(T result, List<CapturedQuery> statements) {
    /** The statements' SQL texts, transaction control left out. */
    List<String> sql() {
      return statements.stream()
          .filter(q -> !q.isTransactionControl())
          .map(CapturedQuery::sql)
          .toList();
    }

    /** Every bound parameter of every statement, in order. */
    List<Object> params() {
      List<Object> out = new ArrayList<>();
      statements.forEach(q -> out.addAll(q.params()));
      return out;
    }
  }

  /**
   * Runs {@code action}, which must throw {@code type} (or a subclass) before any statement is
   * sent. Returns the exception for checks on its message.
   */
  static <E extends Throwable> E rejected(Class<E> type, ThrowingCallable action) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    List<CapturedQuery> ran =
        Database.captureQueries(
            () -> {
              try {
                action.call();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    assertThat(thrown.get()).as("exception thrown").isInstanceOf(type);
    assertThat(ran).as("statements sent before %s", thrown.get()).isEmpty();
    return type.cast(thrown.get());
  }

  /**
   * As {@link #rejected}, but transaction control (BEGIN ... ROLLBACK) may have been sent: no
   * statement carrying data did.
   */
  static <E extends Throwable> E rejectedBeforeData(Class<E> type, ThrowingCallable action) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    List<CapturedQuery> ran =
        Database.captureQueries(
            () -> {
              try {
                action.call();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    assertThat(thrown.get()).as("exception thrown").isInstanceOf(type);
    assertThat(ran.stream().filter(q -> !q.isTransactionControl()))
        .as("statements sent before %s", thrown.get())
        .isEmpty();
    return type.cast(thrown.get());
  }

  /** Runs {@code action} and records what it sent. */
  static <T> Ran<T> run(Supplier<T> action) {
    AtomicReference<T> result = new AtomicReference<>();
    List<CapturedQuery> ran = Database.captureQueries(() -> result.set(action.get()));
    return new Ran<>(result.get(), ran);
  }

  /** Evaluates a QuerySet and records what it sent. */
  static <R> Ran<List<R>> list(AbstractQuerySet<R, ?> qs) {
    return run(() -> new ArrayList<>(qs.list()));
  }

  /**
   * The accept verdict on the SQL: {@code hostile} and {@code benign} send the same SQL text (the
   * value is only a parameter), and the hostile value, when it is more than one character long, is
   * nowhere in the SQL text.
   */
  static <R> Ran<List<R>> acceptedLike(
      AbstractQuerySet<R, ?> hostile, AbstractQuerySet<R, ?> benign, String hostileText) {
    Ran<List<R>> bad = list(hostile);
    Ran<List<R>> good = list(benign);
    assertThat(bad.sql()).as("SQL for %s", printable(hostileText)).isEqualTo(good.sql());
    assertThat(bad.sql()).isNotEmpty();
    // Template text that happens to equal the value (ESCAPE '\\' on MySQL) proves nothing.
    if (hostileText.length() > 1 && good.sql().stream().noneMatch(s -> s.contains(hostileText))) {
      for (String sql : bad.sql()) {
        assertThat(sql).as("SQL text").doesNotContain(hostileText);
      }
    }
    return bad;
  }

  /** Whether some bound parameter contains {@code text} (after the LIKE escaping, if any). */
  static boolean boundSomewhere(Ran<?> ran, String text) {
    for (Object p : ran.params()) {
      if (String.valueOf(p).contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** A string with control characters shown as escapes, for assertion descriptions. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() > 120 ? out.substring(0, 120) + "..." : out.toString();
  }

  /** Elapsed milliseconds of {@code action}. */
  static double millis(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1e6;
  }

  static User user(String username) {
    return User.objects.create(
        Map.of("username", username, "email", username + "@example.org", "password", "x"));
  }

  static Memory memory(User owner, String title, Map<String, ?> metrics) {
    return Memory.objects.create(
        Map.of(
            "user",
            owner,
            "title",
            title,
            "metricsJson",
            metrics,
            "createdAt",
            Instant.parse("2024-07-04T09:30:00Z")));
  }
}
