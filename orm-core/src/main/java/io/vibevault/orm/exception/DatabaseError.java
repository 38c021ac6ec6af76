package io.vibevault.orm.exception;

/**
 * An error reported by the database, always carrying the driver's exception as its cause. Its
 * subclasses say what kind of error it was, whatever the vendor (Django's PEP 249 hierarchy).
 *
 * <pre>{@code
 * catch (DatabaseError e) { String state = e.sqlState(); }
 * }</pre>
 */
public class DatabaseError extends OrmException {
  private final String sqlState;
  private final int vendorCode;

  public DatabaseError(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause);
    this.sqlState = sqlState;
    this.vendorCode = vendorCode;
  }

  public DatabaseError(String message, Throwable cause) {
    this(message, cause, null, 0);
  }

  /** The SQLSTATE the driver reported, or {@code null}. */
  public String sqlState() {
    return sqlState;
  }

  /** The vendor's own error code, or 0. */
  public int vendorCode() {
    return vendorCode;
  }
}
