package io.vibevault.orm.exception;

/**
 * An alias given to annotate, alias, aggregate or values is not a plain identifier ({@code
 * ^[A-Za-z_][A-Za-z0-9_]{0,62}$}) or shadows a field of the model.
 *
 * <pre>{@code
 * Memory.objects.annotate(Count.of("id").as("title"));  // AliasError: conflicts with field 'title'
 * }</pre>
 */
public class AliasError extends FieldError {
  public AliasError(String message) {
    super(message);
  }
}
