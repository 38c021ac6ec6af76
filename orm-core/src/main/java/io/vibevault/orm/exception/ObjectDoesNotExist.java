package io.vibevault.orm.exception;

/**
 * {@code get()} found no row. Knows the model it looked in.
 *
 * <pre>{@code
 * try { Memory.objects.get("id", 5); } catch (ObjectDoesNotExist e) { e.model(); }
 * }</pre>
 */
public class ObjectDoesNotExist extends OrmException {
  private final Class<?> model;

  public ObjectDoesNotExist(Class<?> model, String message) {
    super(message);
    this.model = model;
  }

  /** The model class that was queried. */
  public Class<?> model() {
    return model;
  }
}
