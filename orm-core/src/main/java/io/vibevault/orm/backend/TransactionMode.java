package io.vibevault.orm.backend;

/**
 * When a transaction takes the write lock, on databases that allow one writer at a time (SQLite).
 * Databases with row locks take their locks statement by statement and ignore it.
 *
 * <ul>
 *   <li>{@link #IMMEDIATE}: at {@code BEGIN}. A transaction that reads and then writes can never
 *       fail to upgrade its read to a write; other writers wait (busy timeout) instead.
 *   <li>{@link #DEFERRED}: at the first write. Readers never wait at {@code BEGIN}, but a
 *       read-then-write transaction fails at once (a retryable {@code DatabaseBusy}) when another
 *       connection wrote after its read.
 * </ul>
 */
public enum TransactionMode {
  DEFERRED,
  IMMEDIATE
}
