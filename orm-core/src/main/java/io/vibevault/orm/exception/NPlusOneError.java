package io.vibevault.orm.exception;

/**
 * Raised in strict mode of the {@link io.vibevault.orm.NPlusOneGuard} when rows of one QuerySet
 * load the same relation one by one past the threshold. It is raised before the extra query is
 * sent; the message names the model, the relation, the calling code and the fix.
 *
 * <pre>{@code
 * try (var strict = NPlusOneGuard.override(NPlusOneGuard.Mode.STRICT)) {
 *   for (Memory m : Memory.objects.all()) {
 *     m.user.get();   // the second row raises NPlusOneError: use selectRelated("user")
 *   }
 * }
 * }</pre>
 */
public class NPlusOneError extends OrmException {
  private final String model;
  private final String relation;
  private final String fix;

  public NPlusOneError(String message, String model, String relation, String fix) {
    super(message);
    this.model = model;
    this.relation = relation;
    this.fix = fix;
  }

  /** The model whose rows load the relation ({@code "Memory"}). */
  public String model() {
    return model;
  }

  /** The relation loaded row by row ({@code "user"}). */
  public String relation() {
    return relation;
  }

  /** The QuerySet call that loads it up front ({@code selectRelated("user")}). */
  public String fix() {
    return fix;
  }
}
