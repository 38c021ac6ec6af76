package io.vibevault.orm.execution;

import io.vibevault.orm.exception.TransactionManagementError;
import java.sql.Connection;

/**
 * Django's {@code Atomic} enter/exit algorithm over a {@link DatabaseConnection}'s transaction
 * state: the outermost block begins and commits (or rolls back) the transaction, nested blocks use
 * savepoints, a failure inside a block without a savepoint marks the whole transaction for
 * rollback. The public face is {@code io.vibevault.orm.transaction.Transaction}.
 */
public final class AtomicBlocks {
  private AtomicBlocks() {}

  /** Transaction isolation levels, mapped to JDBC's constants. */
  public enum Isolation {
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    final int jdbc;

    Isolation(int jdbc) {
      this.jdbc = jdbc;
    }
  }

  /** Enters a block. Returns a token for {@link #exit}. */
  public static Object enter(
      DatabaseConnection c, boolean savepoint, boolean durable, Isolation isolation) {
    if (durable && !c.atomicBlocksDurable.isEmpty()) {
      throw new TransactionManagementError(
          "A durable atomic block cannot be nested within another atomic block.");
    }
    if (c.inAtomicBlock) {
      if (isolation != null) {
        throw new TransactionManagementError(
            "The isolation level can only be set on the outermost atomic block.");
      }
      if (savepoint && !c.needsRollback) {
        c.savepointIds.add(c.savepoint());
      } else {
        c.savepointIds.add(null);
      }
    } else {
      c.commitOnExit = true;
      c.needsRollback = false;
      c.rollbackCause = null;
      c.closedInTransaction = false;
      c.begin(isolation == null ? null : isolation.jdbc);
      c.inAtomicBlock = true;
    }
    c.atomicBlocksDurable.add(durable);
    return isolation;
  }

  /**
   * Leaves a block. {@code error} is the exception leaving it, or null on normal exit. Any failure
   * to commit is thrown (after rolling back).
   */
  public static void exit(DatabaseConnection c, Object token, Throwable error) {
    Isolation isolation = (Isolation) token;
    c.atomicBlocksDurable.remove(c.atomicBlocksDurable.size() - 1);
    String sid = null;
    boolean outermost = c.savepointIds.isEmpty();
    if (!outermost) {
      sid = c.savepointIds.remove(c.savepointIds.size() - 1);
    }
    RuntimeException toThrow = null;
    try {
      if (c.closedInTransaction) {
        return;
      }
      if (error == null && !c.needsRollback) {
        if (!outermost) {
          if (sid != null) {
            try {
              c.savepointRelease(sid);
            } catch (RuntimeException e) {
              try {
                c.savepointRollback(sid);
              } catch (RuntimeException ignored) {
                c.needsRollback = true;
              }
              toThrow = e;
            }
          }
        } else {
          try {
            c.commit();
          } catch (RuntimeException e) {
            try {
              c.rollback();
            } catch (RuntimeException ignored) {
              c.discard();
            }
            toThrow = e;
          }
        }
      } else {
        c.needsRollback = false;
        Throwable cause = c.rollbackCause;
        if (!outermost) {
          if (sid == null) {
            c.needsRollback = true;
            c.rollbackCause = cause != null ? cause : error;
          } else {
            try {
              c.savepointRollback(sid);
              c.savepointRelease(sid);
              c.rollbackCause = null;
            } catch (RuntimeException e) {
              c.needsRollback = true;
            }
          }
        } else {
          try {
            c.rollback();
          } catch (RuntimeException e) {
            c.discard();
          }
        }
      }
    } finally {
      if (outermost) {
        c.endTransaction(isolation == null ? null : isolation.jdbc);
        if (toThrow == null && error == null && !c.closedInTransaction) {
          c.runCommitHooks();
        } else {
          c.runOnCommit.clear();
        }
      }
    }
    if (toThrow != null) {
      throw toThrow;
    }
  }

  /** Registers a hook for after the outermost commit, or runs it now outside a transaction. */
  public static void onCommit(DatabaseConnection c, Runnable hook) {
    if (c.inAtomicBlock) {
      c.runOnCommit.add(new DatabaseConnection.OnCommitHook(c.currentSavepoints(), hook));
    } else {
      hook.run();
    }
  }

  /** Creates a savepoint inside an atomic block; returns its id. */
  public static String savepoint(DatabaseConnection c) {
    requireAtomic(c, "savepoint()");
    return c.savepoint();
  }

  public static void savepointRollback(DatabaseConnection c, String sid) {
    requireAtomic(c, "savepointRollback()");
    c.savepointRollback(sid);
  }

  public static void savepointCommit(DatabaseConnection c, String sid) {
    requireAtomic(c, "savepointCommit()");
    c.savepointRelease(sid);
  }

  /** Marks (or unmarks) the innermost block for rollback on exit. */
  public static void setRollback(DatabaseConnection c, boolean rollback) {
    requireAtomic(c, "setRollback()");
    c.needsRollback = rollback;
    if (!rollback) {
      c.rollbackCause = null;
    }
  }

  public static boolean getRollback(DatabaseConnection c) {
    requireAtomic(c, "getRollback()");
    return c.needsRollback;
  }

  private static void requireAtomic(DatabaseConnection c, String what) {
    if (!c.inAtomicBlock) {
      throw new TransactionManagementError(what + " needs an open atomic block");
    }
  }
}
