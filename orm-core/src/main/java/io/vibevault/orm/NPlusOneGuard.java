package io.vibevault.orm;

import java.util.Objects;

/**
 * Settings of the N+1 guard: the ORM notices when rows of one QuerySet load the same relation one
 * by one ({@code memory.user.get()}, {@code memory.tags.all()} on every row) and, once the same
 * relation was loaded lazily {@link #threshold()} times from one result set, logs one warning on
 * the logger {@value #LOGGER} naming the model, the relation, the calling code and the fix ({@code
 * selectRelated("user")} / {@code prefetchRelated("tags")}). In {@link Mode#STRICT} it raises
 * {@link io.vibevault.orm.exception.NPlusOneError} instead, before the extra query is sent. A
 * single object ({@code get()}, {@code first()}) never counts, nor do relations loaded by
 * selectRelated or prefetchRelated (they need no query).
 *
 * <p>The settings are process-wide ({@link #setMode}, {@link #setThreshold}); {@link #override}
 * changes them for the current thread until the returned scope is closed (scopes nest), which is
 * what tests use. orm-testkit runs every {@code @DbTest} in strict mode unless it is marked
 * {@code @AllowNPlusOne}.
 *
 * <pre>{@code
 * NPlusOneGuard.setThreshold(5);              // warn at the 5th lazy load (default 2)
 * NPlusOneGuard.setMode(NPlusOneGuard.Mode.OFF);   // the off switch
 *
 * try (var strict = NPlusOneGuard.override(NPlusOneGuard.Mode.STRICT)) {
 *   for (Memory m : Memory.objects.all()) {
 *     m.user.get();   // NPlusOneError at the second row: use selectRelated("user")
 *   }
 * }
 * }</pre>
 */
public final class NPlusOneGuard {
  /** The SLF4J logger the warnings go to. */
  public static final String LOGGER = "io.vibevault.orm.nplusone";

  /** The default number of lazy loads of one relation from one result set that trips the guard. */
  public static final int DEFAULT_THRESHOLD = 2;

  /** What the guard does when it trips. */
  public enum Mode {
    /** Nothing is counted. */
    OFF,
    /** One warning per result set and relation (the default). */
    WARN,
    /** NPlusOneError, before the extra query is sent. */
    STRICT
  }

  /** The settings in force: a mode and a threshold. */
  public record Settings(Mode mode, int threshold) {
    public Settings {
      Objects.requireNonNull(mode, "mode");
      if (threshold < 1) {
        throw new IllegalArgumentException("The N+1 threshold must be at least 1: " + threshold);
      }
    }
  }

  private static volatile Settings global = new Settings(Mode.WARN, DEFAULT_THRESHOLD);
  private static final ThreadLocal<Settings> LOCAL = new ThreadLocal<>();

  private NPlusOneGuard() {}

  /** The settings in force on this thread: its override, else the process-wide ones. */
  public static Settings current() {
    Settings local = LOCAL.get();
    return local != null ? local : global;
  }

  /** The mode in force on this thread. */
  public static Mode mode() {
    return current().mode();
  }

  /** The threshold in force on this thread. */
  public static int threshold() {
    return current().threshold();
  }

  /** Sets the process-wide mode ({@link Mode#OFF} is the off switch). */
  public static void setMode(Mode mode) {
    global = new Settings(mode, global.threshold());
  }

  /** Sets the process-wide threshold (at least 1). */
  public static void setThreshold(int threshold) {
    global = new Settings(global.mode(), threshold);
  }

  /** Overrides the mode on this thread (keeping the threshold in force) until closed. */
  public static Scope override(Mode mode) {
    return override(mode, threshold());
  }

  /** Overrides mode and threshold on this thread until the scope is closed. */
  public static Scope override(Mode mode, int threshold) {
    Settings previous = LOCAL.get();
    LOCAL.set(new Settings(mode, threshold));
    return new Scope(previous);
  }

  /** A thread-local override; closing it restores the settings it replaced. */
  public static final class Scope implements AutoCloseable {
    private final Settings previous;
    private boolean closed;

    private Scope(Settings previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (previous == null) {
        LOCAL.remove();
      } else {
        LOCAL.set(previous);
      }
    }
  }
}
