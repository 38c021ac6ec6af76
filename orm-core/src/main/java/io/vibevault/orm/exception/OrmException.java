package io.vibevault.orm.exception;

/**
 * The root of every exception the ORM raises. Catch this to handle any ORM failure.
 *
 * <pre>{@code
 * try { Memory.objects.get("id", 5); } catch (OrmException e) { log.warn("lookup failed", e); }
 * }</pre>
 */
public class OrmException extends RuntimeException {
  public OrmException(String message) {
    super(message);
  }

  public OrmException(String message, Throwable cause) {
    super(message, cause);
  }
}
