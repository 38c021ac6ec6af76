package io.vibevault.orm.transaction;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.TransactionMode;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.exception.TransactionRetryableError;
import io.vibevault.orm.execution.AtomicBlocks;
import io.vibevault.orm.execution.DatabaseConnection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Transactions in Django's shape. {@code atomic} runs a block in a transaction: the outermost block
 * commits or rolls back, a nested block is a savepoint, so an inner failure can be caught and the
 * outer work kept. After a database error inside a block without its own savepoint, the transaction
 * refuses further queries ({@code TransactionManagementError}) until the block ends.
 *
 * <pre>{@code
 * Transaction.atomic(() -> {
 *   Memory.objects.create(Map.of("user", user, "title", "First"));
 *   try {
 *     Transaction.atomic(() -> { Memory.objects.create(...); throw new IllegalStateException(); });
 *   } catch (IllegalStateException e) { }            // "Second" rolled back, "First" kept
 *   Transaction.onCommit(() -> mailer.send(...));     // after the outermost commit only
 * });
 * }</pre>
 */
public final class Transaction {
  private Transaction() {}

  /** Runs {@code block} atomically on the default database. */
  public static void atomic(Runnable block) {
    options().run(block);
  }

  /** Runs {@code block} atomically and returns its result. */
  public static <T> T atomic(Supplier<T> block) {
    return options().call(block);
  }

  /** Options for one atomic block: alias, savepoint, durable, isolation. */
  public static Atomic options() {
    return using(Database.DEFAULT);
  }

  /** Atomic on another alias. */
  public static Atomic using(String alias) {
    return new Atomic(alias, true, false, null, null);
  }

  /** Runs {@code hook} after the outermost transaction commits; now if none is open. */
  public static void onCommit(Runnable hook) {
    onCommit(Database.DEFAULT, hook);
  }

  public static void onCommit(String alias, Runnable hook) {
    AtomicBlocks.onCommit(Database.connection(alias), hook);
  }

  /** Creates a savepoint in the current transaction and returns its id. */
  public static String savepoint() {
    return AtomicBlocks.savepoint(Database.connection());
  }

  public static void savepointRollback(String sid) {
    AtomicBlocks.savepointRollback(Database.connection(), sid);
  }

  public static void savepointCommit(String sid) {
    AtomicBlocks.savepointCommit(Database.connection(), sid);
  }

  /** Forces (or cancels) a rollback when the innermost atomic block exits. */
  public static void setRollback(boolean rollback) {
    AtomicBlocks.setRollback(Database.connection(), rollback);
  }

  public static boolean getRollback() {
    return AtomicBlocks.getRollback(Database.connection());
  }

  /** Whether a transaction is open on this thread for the default alias. */
  public static boolean inAtomicBlock() {
    return Database.connection().inAtomicBlock();
  }

  /**
   * Turns autocommit off (manual transaction management: a transaction stays open, ended by {@link
   * #commit()} or {@link #rollback()}) or back on, committing what is pending. Forbidden inside an
   * atomic block; prefer {@link #atomic(Runnable)}.
   */
  public static void setAutocommit(boolean autocommit) {
    Database.connection().setAutocommit(autocommit);
  }

  /** False inside an atomic block or in manual transaction management. */
  public static boolean getAutocommit() {
    return Database.connection().getAutocommit();
  }

  /** Commits the manual transaction. Forbidden inside an atomic block. */
  public static void commit() {
    Database.connection().commit();
  }

  /** Rolls back the manual transaction. Forbidden inside an atomic block. */
  public static void rollback() {
    Database.connection().rollback();
  }

  /**
   * Runs a whole transaction, running it again (up to {@code attempts} times in all) when the
   * database aborts it with a retryable error (deadlock, serialization failure, busy SQLite), after
   * a random pause that grows with each attempt. It must be the outermost block: after a deadlock
   * MySQL has rolled back the whole transaction, and a serializable snapshot only changes with a
   * new transaction.
   */
  public static <T> T retrying(int attempts, Supplier<T> block) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
    }
    if (Database.connection().inAtomicBlock()) {
      throw new TransactionManagementError(
          "retrying() runs a whole transaction and cannot be nested in an atomic block.");
    }
    for (int i = 1; ; i++) {
      try {
        return atomic(block);
      } catch (TransactionRetryableError e) {
        if (i >= attempts) {
          throw e;
        }
        try {
          // Full jitter, so that transactions that collided do not collide again in step.
          Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(50, 2L << i) + 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** An atomic block's options, immutable; {@link #run} and {@link #call} execute it. */
  public static final class Atomic {
    private final String alias;
    private final boolean savepoint;
    private final boolean durable;
    private final AtomicBlocks.Isolation isolation;
    private final TransactionMode mode;

    Atomic(
        String alias,
        boolean savepoint,
        boolean durable,
        AtomicBlocks.Isolation isolation,
        TransactionMode mode) {
      this.alias = alias;
      this.savepoint = savepoint;
      this.durable = durable;
      this.isolation = isolation;
      this.mode = mode;
    }

    /** Without a savepoint when nested: a failure then marks the outer transaction. */
    public Atomic noSavepoint() {
      return new Atomic(alias, false, durable, isolation, mode);
    }

    /** Must be the outermost block: commits when it ends, whatever called it. */
    public Atomic durable() {
      return new Atomic(alias, savepoint, true, isolation, mode);
    }

    /** The isolation level of the transaction (outermost block only). */
    public Atomic isolation(AtomicBlocks.Isolation level) {
      return new Atomic(alias, savepoint, durable, level, mode);
    }

    /**
     * When the transaction takes the write lock on single-writer databases (outermost block only);
     * SQLite's default is {@link TransactionMode#IMMEDIATE}.
     */
    public Atomic transactionMode(TransactionMode transactionMode) {
      return new Atomic(alias, savepoint, durable, isolation, transactionMode);
    }

    public void run(Runnable block) {
      call(
          () -> {
            block.run();
            return null;
          });
    }

    public <T> T call(Supplier<T> block) {
      DatabaseConnection c = Database.connection(alias);
      Object token = AtomicBlocks.enter(c, savepoint, durable, isolation, mode);
      T result;
      try {
        result = block.get();
      } catch (Throwable e) {
        // Throwable, not only unchecked ones: Kotlin and sneaky throws pass checked exceptions
        // through a Supplier, and the block must end all the same.
        try {
          AtomicBlocks.exit(c, token, e);
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw Transaction.<RuntimeException>rethrow(e);
      }
      AtomicBlocks.exit(c, token, null);
      return result;
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable e) throws E {
    throw (E) e;
  }
}
