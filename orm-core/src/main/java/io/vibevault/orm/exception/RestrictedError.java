package io.vibevault.orm.exception;

import java.util.List;

/**
 * A delete was refused because the objects are restricted by a RESTRICT foreign key that no cascade
 * in the same operation reaches. Nothing was deleted.
 *
 * <pre>{@code
 * user.delete();  // RestrictedError lists the restricting objects
 * }</pre>
 */
public class RestrictedError extends IntegrityError {
  private final transient List<?> objects;

  public RestrictedError(String message, List<?> objects) {
    super(message);
    this.objects = List.copyOf(objects);
  }

  /** The objects that prevented the deletion. */
  public List<?> objects() {
    return objects;
  }
}
