package io.vibevault.orm.execution;

import io.vibevault.orm.backend.TransactionMode;
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

  /** What {@link #exit} needs to know about the block {@link #enter} opened. */
  private record Block(Isolation isolation) {}

  /** Enters a block. Returns a token for {@link #exit}. */
  public static Object enter(
      DatabaseConnection c, boolean savepoint, boolean durable, Isolation isolation) {
    return enter(c, savepoint, durable, isolation, null);
  }

  /**
   * Enters a block; {@code isolation} and {@code mode} (either may be null) apply to the outermost
   * block only. Returns a token for {@link #exit}.
   */
  public static Object enter(
      DatabaseConnection c,
      boolean savepoint,
      boolean durable,
      Isolation isolation,
      TransactionMode mode) {
    if (durable && !c.atomicBlocksDurable.isEmpty()) {
      throw new TransactionManagementError(
          "A durable atomic block cannot be nested within another atomic block.");
    }
    // In manual mode (autocommit off) a transaction is already open: the block is a savepoint.
    boolean nested = c.inAtomicBlock || !c.autocommit;
    if (nested && (isolation != null || mode != null)) {
      throw new TransactionManagementError(
          "The isolation level and transaction mode can only be set on the outermost atomic"
              + " block, outside manual transaction management.");
    }
    if (!c.inAtomicBlock) {
      c.commitOnExit = true;
      c.needsRollback = false;
      c.rollbackCause = null;
      c.closedInTransaction = false;
    }
    if (nested) {
      boolean pretending = !c.inAtomicBlock;
      if (pretending) {
        c.inAtomicBlock = true;
        c.commitOnExit = false;
      }
      try {
        c.savepointIds.add(savepoint && !c.needsRollback ? c.savepoint() : null);
      } catch (RuntimeException e) {
        if (pretending) {
          c.inAtomicBlock = false;
        }
        throw e;
      }
    } else {
      c.begin(isolation == null ? null : isolation.jdbc, mode);
      c.inAtomicBlock = true;
    }
    c.atomicBlocksDurable.add(durable);
    return new Block(isolation);
  }

  /**
   * Leaves a block. {@code error} is the exception leaving it, or null on normal exit. Any failure
   * to commit is thrown (after rolling back); so is the first failure of an on-commit hook.
   */
  public static void exit(DatabaseConnection c, Object token, Throwable error) {
    Isolation isolation = ((Block) token).isolation();
    if (!c.atomicBlocksDurable.isEmpty()) {
      c.atomicBlocksDurable.remove(c.atomicBlocksDurable.size() - 1);
    }
    String sid = null;
    boolean outermost = c.savepointIds.isEmpty();
    if (!outermost) {
      sid = c.savepointIds.remove(c.savepointIds.size() - 1);
    }
    RuntimeException toThrow = null;
    boolean committed = false;
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
                c.savepointRelease(sid);
              } catch (RuntimeException ignored) {
                c.needsRollback = true;
                c.rollbackCause = e;
              }
              toThrow = e;
            }
          }
        } else {
          try {
            c.commitAndEnd();
            committed = true;
          } catch (RuntimeException e) {
            try {
              c.rollbackAndEnd();
            } catch (RuntimeException ignored) {
              c.discard();
            }
            toThrow = e;
          }
        }
      } else {
        // Set again below when there is no savepoint to roll back to at this level.
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
              c.rollbackCause = cause != null ? cause : e;
            }
          }
        } else {
          try {
            c.rollbackAndEnd();
          } catch (RuntimeException e) {
            c.discard();
          }
        }
      }
    } finally {
      if (outermost) {
        c.finishOutermost(isolation == null ? null : isolation.jdbc);
        if (!committed) {
          c.runOnCommit.clear();
        }
      } else if (c.savepointIds.isEmpty() && !c.commitOnExit) {
        // The outermost block inside a manual transaction: the transaction stays open.
        c.inAtomicBlock = false;
        if (c.closedInTransaction) {
          c.closedInTransaction = false;
          c.needsRollback = false;
          c.rollbackCause = null;
        }
      }
    }
    if (toThrow != null) {
      throw toThrow;
    }
    if (committed) {
      c.runCommitHooks();
    }
  }

  /** Registers a hook for after the outermost commit, or runs it now outside a transaction. */
  public static void onCommit(DatabaseConnection c, Runnable hook) {
    if (c.inAtomicBlock) {
      c.runOnCommit.add(new DatabaseConnection.OnCommitHook(c.currentSavepoints(), hook));
    } else if (!c.autocommit) {
      throw new TransactionManagementError(
          "onCommit() cannot be used in manual transaction management");
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
