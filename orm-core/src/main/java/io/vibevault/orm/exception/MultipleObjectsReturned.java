package io.vibevault.orm.exception;

/**
 * {@code get()} found more than one row. Knows the model it looked in.
 *
 * <pre>{@code
 * try { Memory.objects.get("user", user); } catch (MultipleObjectsReturned e) { e.model(); }
 * }</pre>
 */
public class MultipleObjectsReturned extends OrmException {
  private final Class<?> model;

  public MultipleObjectsReturned(Class<?> model, String message) {
    super(message);
    this.model = model;
  }

  /** The model class that was queried. */
  public Class<?> model() {
    return model;
  }
}
