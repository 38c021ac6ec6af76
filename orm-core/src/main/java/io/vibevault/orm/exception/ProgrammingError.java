package io.vibevault.orm.exception;

/**
 * The database rejected the statement itself (missing table, syntax). Usually a bug or a missing
 * migration.
 *
 * <pre>{@code
 * catch (ProgrammingError e) { runMigrate(); }
 * }</pre>
 */
public class ProgrammingError extends DatabaseError {
  public ProgrammingError(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }

  public ProgrammingError(String message, Throwable cause) {
    super(message, cause);
  }

  public ProgrammingError(String message) {
    super(message, null);
  }
}
