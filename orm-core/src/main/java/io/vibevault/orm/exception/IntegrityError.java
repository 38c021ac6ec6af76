package io.vibevault.orm.exception;

/**
 * A unique, foreign-key, not-null or check constraint was violated.
 *
 * <pre>{@code
 * catch (IntegrityError e) { showUsernameTaken(); }
 * }</pre>
 */
public class IntegrityError extends DatabaseError {
  public IntegrityError(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }

  public IntegrityError(String message, Throwable cause) {
    super(message, cause);
  }

  public IntegrityError(String message) {
    super(message, null);
  }
}
