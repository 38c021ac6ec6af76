package io.vibevault.orm.exception;

/**
 * A serializable transaction could not be serialized with a concurrent one. Retrying the whole
 * transaction is safe.
 *
 * <pre>{@code
 * catch (SerializationFailure e) { retry(); }
 * }</pre>
 */
public class SerializationFailure extends TransactionRetryableError {
  public SerializationFailure(String message, Throwable cause, String sqlState, int vendorCode) {
    super(message, cause, sqlState, vendorCode);
  }
}
