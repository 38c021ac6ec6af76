package io.vibevault.orm.model;

import io.vibevault.orm.exception.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds {@link ModelMeta} from {@link ModelDefinition}s (models without a Java class, such as the
 * historical models a migration sees): every model first, so relations between them resolve, then
 * the join models of their many-to-many fields.
 */
final class DefinedModels {
  private DefinedModels() {}

  static List<ModelMeta> define(Apps apps, Collection<ModelDefinition> definitions) {
    List<ModelMeta> built = new ArrayList<>();
    for (ModelDefinition d : definitions) {
      checkName(d.label(), d.name());
      ModelMeta meta = new ModelMeta(apps, null, d.appLabel(), d.name(), d.dbTable(), false);
      apps.put(meta);
      for (FieldDefinition f : d.fields()) {
        meta.fields.add(field(meta, f));
      }
      meta.ordering.addAll(d.ordering());
      meta.verboseName = d.verboseName().isEmpty() ? Names.verbose(d.name()) : d.verboseName();
      meta.verboseNamePlural =
          d.verboseNamePlural().isEmpty() ? meta.verboseName + "s" : d.verboseNamePlural();
      meta.dbTableComment = d.dbTableComment();
      meta.indexes.addAll(d.indexes());
      meta.uniqueConstraints.addAll(d.uniqueConstraints());
      meta.checkConstraints.addAll(d.checkConstraints());
      meta.uniqueTogether.addAll(d.uniqueTogether());
      meta.finish();
      if (meta.pk() == null) {
        throw new FieldError(d.label() + " has no primary key field");
      }
      built.add(meta);
    }
    for (ModelMeta meta : built) {
      for (Field f : meta.manyToManyFields()) {
        f.relation().setThrough(JoinModels.create(meta, f));
      }
    }
    for (ModelMeta meta : built) {
      apps.registered(meta);
    }
    return built;
  }

  /** Names end up in SQL (quoted) and lookup paths: quote characters and '__' never pass. */
  static void checkName(String owner, String name) {
    if (name == null || name.isEmpty()) {
      throw new FieldError(owner + ": a name may not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '`' || c == '\'' || c == '[' || c == ']' || c == '\\' || c < 0x20) {
        throw new FieldError(
            owner
                + ": the name "
                + FieldError.quote(name)
                + " contains a quote or control character");
      }
    }
  }

  private static Field field(ModelMeta meta, FieldDefinition d) {
    checkName(meta.label(), d.name());
    if (d.column() != null) {
      checkName(meta.label() + "." + d.name(), d.column());
    }
    if (d.name().contains("__") || d.name().equals("pk")) {
      throw new FieldError(
          meta.label() + "." + d.name() + ": field names may not contain '__' or be 'pk'");
    }
    Field.Options options =
        new Field.Options(
            d.nullable(),
            d.blank(),
            d.unique() && !d.primaryKey(),
            d.dbIndex(),
            d.primaryKey(),
            d.maxLength(),
            d.maxDigits(),
            d.decimalPlaces(),
            d.autoNow(),
            d.autoNowAdd(),
            "",
            Names.verbose(d.name()),
            "",
            List.of(),
            null,
            d.defaultValue(),
            d.hasDefault(),
            d.dbComment());
    if (d.relation() == null) {
      return new Field(
          meta, d.name(), d.name(), d.column(), d.kind(), Object.class, options, null, null);
    }
    boolean m2m = d.relation() == Relation.Kind.MANY_TO_MANY;
    Relation relation =
        new Relation(
            d.relation(),
            meta,
            d.to(),
            null,
            d.onDelete(),
            d.relatedName(),
            "",
            d.toField(),
            d.dbConstraint(),
            !m2m
                ? null
                : d.m2mTable() != null
                    ? d.m2mTable()
                    : meta.dbTable() + "_" + Names.snakeCase(d.name()));
    return new Field(
        meta,
        d.name(),
        m2m ? d.name() : d.name() + "Id",
        d.column(),
        null,
        m2m ? ManyToMany.class : Ref.class,
        options,
        relation,
        null);
  }
}
