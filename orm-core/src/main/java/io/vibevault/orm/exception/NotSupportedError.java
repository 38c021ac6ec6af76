package io.vibevault.orm.exception;

/**
 * The backend cannot do what was asked (for example {@code skipLocked()} on SQLite). Raised before
 * any SQL is sent.
 *
 * <pre>{@code
 * catch (NotSupportedError e) { useFallback(); }
 * }</pre>
 */
public class NotSupportedError extends DatabaseError {
  public NotSupportedError(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }

  public NotSupportedError(String message, Throwable cause) {
    super(message, cause);
  }

  public NotSupportedError(String message) {
    super(message, null);
  }
}
