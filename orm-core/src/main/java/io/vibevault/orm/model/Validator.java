package io.vibevault.orm.model;

/**
 * A check run by {@code fullClean()} on one field's value. Throw {@link
 * io.vibevault.orm.exception.ValidationError} or return a message to reject the value.
 *
 * <pre>{@code
 * public final class NotBlank implements Validator {
 *   public String validate(Object value) {
 *     return value instanceof String s && s.isBlank() ? "This field cannot be blank." : null;
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Validator {
  /** Returns an error message, or {@code null} when the value is valid. */
  String validate(Object value);
}
