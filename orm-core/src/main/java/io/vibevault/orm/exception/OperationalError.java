package io.vibevault.orm.exception;

/**
 * The database could not carry out the operation (connection lost, lock timeout, database busy).
 *
 * <pre>{@code
 * catch (OperationalError e) { retry(); }
 * }</pre>
 */
public class OperationalError extends DatabaseError {
  public OperationalError(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }

  public OperationalError(String message, Throwable cause) {
    super(message, cause);
  }

  public OperationalError(String message) {
    super(message, null);
  }
}
