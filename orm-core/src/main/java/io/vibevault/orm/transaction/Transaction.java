package io.vibevault.orm.transaction;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.TransactionRetryableError;
import io.vibevault.orm.execution.AtomicBlocks;
import io.vibevault.orm.execution.DatabaseConnection;
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
    return new Atomic(Database.DEFAULT, true, false, null);
  }

  /** Atomic on another alias. */
  public static Atomic using(String alias) {
    return new Atomic(alias, true, false, null);
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
   * Runs a whole transaction, running it again (up to {@code attempts} times in all) when the
   * database aborts it with a retryable error (deadlock, serialization failure, busy SQLite).
   */
  public static <T> T retrying(int attempts, Supplier<T> block) {
    TransactionRetryableError last = null;
    for (int i = 0; i < attempts; i++) {
      try {
        return atomic(block);
      } catch (TransactionRetryableError e) {
        last = e;
        try {
          Thread.sleep(Math.min(50, 1L << i));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
    throw last;
  }

  /** An atomic block's options, immutable; {@link #run} and {@link #call} execute it. */
  public static final class Atomic {
    private final String alias;
    private final boolean savepoint;
    private final boolean durable;
    private final AtomicBlocks.Isolation isolation;

    Atomic(String alias, boolean savepoint, boolean durable, AtomicBlocks.Isolation isolation) {
      this.alias = alias;
      this.savepoint = savepoint;
      this.durable = durable;
      this.isolation = isolation;
    }

    /** Without a savepoint when nested: a failure then marks the outer transaction. */
    public Atomic noSavepoint() {
      return new Atomic(alias, false, durable, isolation);
    }

    /** Must be the outermost block: commits when it ends, whatever called it. */
    public Atomic durable() {
      return new Atomic(alias, savepoint, true, isolation);
    }

    /** The isolation level of the transaction (outermost block only). */
    public Atomic isolation(AtomicBlocks.Isolation level) {
      return new Atomic(alias, savepoint, durable, level);
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
      Object token = AtomicBlocks.enter(c, savepoint, durable, isolation);
      T result;
      try {
        result = block.get();
      } catch (RuntimeException | Error e) {
        try {
          AtomicBlocks.exit(c, token, e);
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      AtomicBlocks.exit(c, token, null);
      return result;
    }
  }
}
