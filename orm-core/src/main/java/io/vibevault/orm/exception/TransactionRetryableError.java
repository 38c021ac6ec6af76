package io.vibevault.orm.exception;

/**
 * An operational error after which the whole transaction may simply be run again: a deadlock, a
 * serialization failure, a busy SQLite database. {@code Transaction.retrying(...)} retries these.
 *
 * <pre>{@code
 * catch (TransactionRetryableError e) { runAgain(); }
 * }</pre>
 */
public class TransactionRetryableError extends OperationalError {
  public TransactionRetryableError(
      String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }
}
