package io.vibevault.orm.exception;

/**
 * A row lock could not be taken at once ({@code selectForUpdate().nowait()}), or a lock wait timed
 * out.
 *
 * <pre>{@code
 * catch (LockNotAvailable e) { tryLater(); }
 * }</pre>
 */
public class LockNotAvailable extends OperationalError {
  public LockNotAvailable(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }
}
