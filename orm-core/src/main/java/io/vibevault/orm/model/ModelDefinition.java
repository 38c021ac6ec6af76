package io.vibevault.orm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A model described as plain data, without a Java class: its app, name, table, fields and options.
 * Migrations record models this way and replay them into a separate {@link Apps} registry ({@link
 * Apps#define}), which gives each historical model real {@link ModelMeta} for the schema editor and
 * for queries, as the model was at that point of its history.
 *
 * <pre>{@code
 * ModelDefinition tag = ModelDefinition.of(ModelMeta.of(Tag.class));
 * Apps historical = new Apps();
 * ModelMeta meta = historical.define(List.of(tag)).get(0);
 * }</pre>
 */
public record ModelDefinition(
    String appLabel,
    String name,
    String dbTable,
    List<FieldDefinition> fields,
    List<String> ordering,
    String verboseName,
    String verboseNamePlural,
    List<ModelMeta.IndexSpec> indexes,
    List<ModelMeta.UniqueSpec> uniqueConstraints,
    List<ModelMeta.CheckSpec> checkConstraints,
    List<List<String>> uniqueTogether,
    String dbTableComment) {

  public ModelDefinition {
    Objects.requireNonNull(appLabel, "appLabel");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dbTable, "dbTable");
    fields = List.copyOf(fields);
    ordering = ordering == null ? List.of() : List.copyOf(ordering);
    verboseName = verboseName == null ? "" : verboseName;
    verboseNamePlural = verboseNamePlural == null ? "" : verboseNamePlural;
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
    uniqueConstraints = uniqueConstraints == null ? List.of() : List.copyOf(uniqueConstraints);
    checkConstraints = checkConstraints == null ? List.of() : List.copyOf(checkConstraints);
    uniqueTogether =
        uniqueTogether == null ? List.of() : uniqueTogether.stream().map(List::copyOf).toList();
    dbTableComment = dbTableComment == null ? "" : dbTableComment;
  }

  /** A model with these fields and no options; the table is {@code app_model}. */
  public static ModelDefinition of(String appLabel, String name, List<FieldDefinition> fields) {
    return new ModelDefinition(
        appLabel,
        name,
        appLabel + "_" + name.toLowerCase(Locale.ROOT),
        fields,
        List.of(),
        "",
        "",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "");
  }

  /** The definition of a registered model class (not of an auto-created join model). */
  public static ModelDefinition of(ModelMeta meta) {
    List<FieldDefinition> fields = new ArrayList<>();
    for (Field f : meta.fields()) {
      fields.add(FieldDefinition.of(f));
    }
    return new ModelDefinition(
        meta.appLabel(),
        meta.modelName(),
        meta.dbTable(),
        fields,
        meta.ordering(),
        meta.verboseName(),
        meta.verboseNamePlural(),
        meta.indexes(),
        meta.uniqueConstraints(),
        meta.checkConstraints(),
        meta.uniqueTogether(),
        meta.dbTableComment());
  }

  /** {@code app.Model}. */
  public String label() {
    return appLabel + "." + name;
  }

  /** The key registries use: the label in lower case. */
  public String key() {
    return label().toLowerCase(Locale.ROOT);
  }

  /** The field with this name, or null. */
  public FieldDefinition field(String fieldName) {
    for (FieldDefinition f : fields) {
      if (f.name().equals(fieldName)) {
        return f;
      }
    }
    return null;
  }

  /** The primary key field, or null when none is declared. */
  public FieldDefinition pk() {
    for (FieldDefinition f : fields) {
      if (f.primaryKey()) {
        return f;
      }
    }
    return null;
  }

  public ModelDefinition withName(String newName) {
    return new ModelDefinition(
        appLabel,
        newName,
        dbTable,
        fields,
        ordering,
        verboseName,
        verboseNamePlural,
        indexes,
        uniqueConstraints,
        checkConstraints,
        uniqueTogether,
        dbTableComment);
  }

  public ModelDefinition withTable(String table) {
    return new ModelDefinition(
        appLabel,
        name,
        table,
        fields,
        ordering,
        verboseName,
        verboseNamePlural,
        indexes,
        uniqueConstraints,
        checkConstraints,
        uniqueTogether,
        dbTableComment);
  }

  /** This model with a comment on its table (empty: none). */
  public ModelDefinition withTableComment(String comment) {
    return new ModelDefinition(
        appLabel,
        name,
        dbTable,
        fields,
        ordering,
        verboseName,
        verboseNamePlural,
        indexes,
        uniqueConstraints,
        checkConstraints,
        uniqueTogether,
        comment);
  }

  public ModelDefinition withFields(List<FieldDefinition> newFields) {
    return new ModelDefinition(
        appLabel,
        name,
        dbTable,
        newFields,
        ordering,
        verboseName,
        verboseNamePlural,
        indexes,
        uniqueConstraints,
        checkConstraints,
        uniqueTogether,
        dbTableComment);
  }

  /** This model with its options (ordering and verbose names) replaced. */
  public ModelDefinition withOptions(
      List<String> newOrdering, String newVerboseName, String newVerboseNamePlural) {
    return new ModelDefinition(
        appLabel,
        name,
        dbTable,
        fields,
        newOrdering,
        newVerboseName,
        newVerboseNamePlural,
        indexes,
        uniqueConstraints,
        checkConstraints,
        uniqueTogether,
        dbTableComment);
  }

  public ModelDefinition withIndexes(List<ModelMeta.IndexSpec> newIndexes) {
    return new ModelDefinition(
        appLabel,
        name,
        dbTable,
        fields,
        ordering,
        verboseName,
        verboseNamePlural,
        newIndexes,
        uniqueConstraints,
        checkConstraints,
        uniqueTogether,
        dbTableComment);
  }

  public ModelDefinition withConstraints(
      List<ModelMeta.UniqueSpec> unique, List<ModelMeta.CheckSpec> checks) {
    return new ModelDefinition(
        appLabel,
        name,
        dbTable,
        fields,
        ordering,
        verboseName,
        verboseNamePlural,
        indexes,
        unique,
        checks,
        uniqueTogether,
        dbTableComment);
  }

  public ModelDefinition withUniqueTogether(List<List<String>> together) {
    return new ModelDefinition(
        appLabel,
        name,
        dbTable,
        fields,
        ordering,
        verboseName,
        verboseNamePlural,
        indexes,
        uniqueConstraints,
        checkConstraints,
        together,
        dbTableComment);
  }
}
