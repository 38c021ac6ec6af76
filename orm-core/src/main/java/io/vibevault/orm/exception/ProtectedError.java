package io.vibevault.orm.exception;

import java.util.List;

/**
 * A delete was refused because the objects are protected by a PROTECT foreign key. Nothing was
 * deleted.
 *
 * <pre>{@code
 * Memory.objects.filter(...).delete();  // ProtectedError lists the protected objects
 * }</pre>
 */
public class ProtectedError extends IntegrityError {
  private final transient List<?> objects;

  public ProtectedError(String message, List<?> objects) {
    super(message);
    this.objects = List.copyOf(objects);
  }

  /** The objects that prevented the deletion. */
  public List<?> objects() {
    return objects;
  }
}
