package io.vibevault.orm.exception;

/**
 * The database rejected a value (out of range, too long, bad encoding).
 *
 * <pre>{@code
 * catch (DataError e) { badRequest(); }
 * }</pre>
 */
public class DataError extends DatabaseError {
  public DataError(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }

  public DataError(String message, Throwable cause) {
    super(message, cause);
  }

  public DataError(String message) {
    super(message, null);
  }
}
