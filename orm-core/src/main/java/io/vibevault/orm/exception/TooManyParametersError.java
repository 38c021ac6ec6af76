package io.vibevault.orm.exception;

/**
 * A statement would need more bound parameters than the backend accepts. Raised before anything is
 * sent.
 *
 * <pre>{@code
 * catch (TooManyParametersError e) { splitTheWork(); }
 * }</pre>
 */
public class TooManyParametersError extends OrmException {
  public TooManyParametersError(String message) {
    super(message);
  }
}
