package io.vibevault.orm.model;

/**
 * The reverse side of a foreign key, one-to-one or many-to-many, as seen from the target model:
 * {@code user.memories} is the reverse of {@code Memory.user}. Used to resolve reverse lookup paths
 * ({@code memories__title}).
 *
 * <pre>{@code
 * ReverseRelation r = ModelMeta.of(User.class).reverseRelation("memories");
 * r.field().model();  // Memory's meta
 * }</pre>
 *
 * @param name the name used in lookup paths
 * @param field the relation field on the other model
 */
public record ReverseRelation(String name, Field field) {
  /** The model that declares the relation field. */
  public ModelMeta relatedModel() {
    return field.model();
  }

  /** True unless the relation is one-to-one: the reverse side holds many objects. */
  public boolean isMultiValued() {
    return !field.relation().isOneToOne();
  }
}
