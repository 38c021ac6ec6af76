package io.vibevault.orm.model;

import java.util.List;
import java.util.Locale;

/**
 * The join models the ORM creates for many-to-many fields without a through model (Django's
 * auto-created {@code Memory_tags}): an {@code id}, a foreign key to each side, and a unique pair.
 * They have no Java class; queries join through them and deletes count their rows.
 */
final class JoinModels {
  private JoinModels() {}

  /** The options of an auto-increment {@code id} primary key. */
  static Field.Options idOptions() {
    return new Field.Options(
        false, true, true, false, true, 0, 0, 0, false, false, "", "ID", "", List.of(), null, null,
        false, "");
  }

  /** The join model of {@code m2m}, registered with its owner's apps. */
  static ModelMeta create(ModelMeta owner, Field m2m) {
    Relation rel = m2m.relation();
    ModelMeta through =
        new ModelMeta(
            owner.apps(),
            null,
            owner.appLabel(),
            owner.modelName() + "_" + m2m.name(),
            rel.m2mTable(),
            true);
    boolean self = rel.target() == owner;
    String source = owner.modelName().toLowerCase(Locale.ROOT);
    String target = rel.target().modelName().toLowerCase(Locale.ROOT);
    if (self) {
      source = "from_" + source;
      target = "to_" + target;
    }
    through.fields.add(
        new Field(
            through, "id", "id", "id", FieldKind.BIG_AUTO, Long.class, idOptions(), null, null));
    through.fields.add(throughFk(through, source, owner.modelClass(), owner.label()));
    through.fields.add(throughFk(through, target, rel.target().modelClass(), rel.target().label()));
    through.uniqueTogether.add(List.of(source, target));
    through.finish();
    owner.apps().put(through);
    return through;
  }

  private static Field throughFk(
      ModelMeta through, String name, Class<?> target, String targetLabel) {
    // A model without a Java class (a historical model) is found by its label instead.
    Relation relation =
        new Relation(
            Relation.Kind.MANY_TO_ONE,
            through,
            target == null ? targetLabel : "",
            target,
            OnDelete.CASCADE,
            through.modelName() + "+",
            "",
            "",
            true,
            null);
    Field.Options options =
        new Field.Options(
            false, false, false, true, false, 0, 0, 0, false, false, "", name, "", List.of(), null,
            null, false, "");
    return new Field(
        through, name, name + "Id", name + "_id", null, Ref.class, options, relation, null);
  }
}
