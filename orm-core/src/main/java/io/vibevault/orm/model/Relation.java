package io.vibevault.orm.model;

import io.vibevault.orm.exception.FieldError;

/**
 * The relation side of a {@link Field}: its target model (resolved lazily, so models may refer to
 * each other in any order), what deleting the target does, and the reverse names.
 *
 * <pre>{@code
 * Relation rel = ModelMeta.of(Memory.class).field("user").relation();
 * rel.target().modelClass();  // User.class
 * }</pre>
 */
public final class Relation {
  /** The cardinality of a relation. */
  public enum Kind {
    MANY_TO_ONE,
    ONE_TO_ONE,
    MANY_TO_MANY
  }

  private final Kind kind;
  private final ModelMeta owner;
  private final String targetReference;
  private final Class<?> targetClass;
  private final OnDelete onDelete;
  private final String relatedName;
  private final String relatedQueryName;
  private final String toFieldName;
  private final boolean dbConstraint;
  private final String m2mTable;
  private volatile ModelMeta target;
  private volatile ModelMeta through;

  Relation(
      Kind kind,
      ModelMeta owner,
      String targetReference,
      Class<?> targetClass,
      OnDelete onDelete,
      String relatedName,
      String relatedQueryName,
      String toFieldName,
      boolean dbConstraint,
      String m2mTable) {
    this.kind = kind;
    this.owner = owner;
    this.targetReference = targetReference;
    this.targetClass = targetClass;
    this.onDelete = onDelete;
    this.relatedName = relatedName;
    this.relatedQueryName = relatedQueryName;
    this.toFieldName = toFieldName;
    this.dbConstraint = dbConstraint;
    this.m2mTable = m2mTable;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isManyToMany() {
    return kind == Kind.MANY_TO_MANY;
  }

  public boolean isOneToOne() {
    return kind == Kind.ONE_TO_ONE;
  }

  /** The model the relation points at. */
  public ModelMeta target() {
    ModelMeta t = target;
    if (t == null) {
      t = resolveTarget();
      target = t;
    }
    return t;
  }

  private ModelMeta resolveTarget() {
    if (targetReference == null || targetReference.isEmpty()) {
      if (targetClass == null || targetClass == Model.class) {
        throw new FieldError(
            "Relation on " + owner.label() + " has no target: give the holder a type argument");
      }
      return ModelMeta.of(targetClass.asSubclass(Model.class));
    }
    if (targetReference.equals("self")) {
      return owner;
    }
    return owner.apps().resolve(targetReference, owner.appLabel());
  }

  public OnDelete onDelete() {
    return onDelete;
  }

  /** The reverse accessor name as declared ({@code "+"} when hidden), or empty. */
  public String relatedName() {
    return relatedName;
  }

  /** Whether the target model gets a reverse accessor and reverse lookups. */
  public boolean isHidden() {
    return relatedName.endsWith("+");
  }

  /** The name the reverse side uses in lookup paths. */
  public String relatedQueryName() {
    if (!relatedQueryName.isEmpty()) {
      return relatedQueryName;
    }
    if (!relatedName.isEmpty() && !isHidden()) {
      return relatedName;
    }
    return owner.modelName().toLowerCase(java.util.Locale.ROOT);
  }

  /** The target field the column points at (the target's primary key unless toField is set). */
  public Field targetField() {
    ModelMeta t = target();
    return toFieldName.isEmpty() ? t.pk() : t.field(toFieldName);
  }

  public boolean dbConstraint() {
    return dbConstraint;
  }

  /** For many-to-many: the join table's name. */
  public String m2mTable() {
    return m2mTable;
  }

  /** For many-to-many: the join model (auto-created unless a through model was given). */
  public ModelMeta through() {
    return through;
  }

  void setThrough(ModelMeta through) {
    this.through = through;
  }

  ModelMeta owner() {
    return owner;
  }
}
