package io.vibevault.orm.exception;

/**
 * The database broke a deadlock by aborting this transaction. Retrying the whole transaction is
 * safe.
 *
 * <pre>{@code
 * catch (DeadlockDetected e) { retry(); }
 * }</pre>
 */
public class DeadlockDetected extends TransactionRetryableError {
  public DeadlockDetected(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }
}
