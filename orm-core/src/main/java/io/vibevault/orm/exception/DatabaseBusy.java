package io.vibevault.orm.exception;

/**
 * SQLite could not take its write lock within the busy timeout, or a read snapshot went stale
 * ({@code SQLITE_BUSY}, {@code SQLITE_BUSY_SNAPSHOT}). Retrying the whole transaction is safe.
 *
 * <pre>{@code
 * catch (DatabaseBusy e) { retry(); }
 * }</pre>
 */
public class DatabaseBusy extends TransactionRetryableError {
  public DatabaseBusy(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }
}
