package io.vibevault.orm.exception;

/**
 * An argument has the wrong shape for the call: a string where a boolean is required, a negative
 * slice index, a keyword that is not one of an enum's values, a JSON path too deep.
 *
 * <pre>{@code
 * Memory.objects.all().slice(-1, 5);  // ArgumentError: negative indexing is not supported
 * }</pre>
 */
public class ArgumentError extends IllegalArgumentException {
  public ArgumentError(String message) {
    super(message);
  }
}
