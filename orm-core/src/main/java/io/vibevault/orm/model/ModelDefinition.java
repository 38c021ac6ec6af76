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
    dbTableComment = Names.checkComment(appLabel + "." + name, dbTableComment);
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
    Copy c = new Copy(this);
    c.name = newName;
    return c.build();
  }

  public ModelDefinition withTable(String table) {
    Copy c = new Copy(this);
    c.dbTable = table;
    return c.build();
  }

  /** This model with a comment on its table (empty: none). */
  public ModelDefinition withTableComment(String comment) {
    Copy c = new Copy(this);
    c.dbTableComment = comment;
    return c.build();
  }

  public ModelDefinition withFields(List<FieldDefinition> newFields) {
    Copy c = new Copy(this);
    c.fields = newFields;
    return c.build();
  }

  /** This model with its options (ordering and verbose names) replaced. */
  public ModelDefinition withOptions(
      List<String> newOrdering, String newVerboseName, String newVerboseNamePlural) {
    Copy c = new Copy(this);
    c.ordering = newOrdering;
    c.verboseName = newVerboseName;
    c.verboseNamePlural = newVerboseNamePlural;
    return c.build();
  }

  public ModelDefinition withIndexes(List<ModelMeta.IndexSpec> newIndexes) {
    Copy c = new Copy(this);
    c.indexes = newIndexes;
    return c.build();
  }

  public ModelDefinition withConstraints(
      List<ModelMeta.UniqueSpec> unique, List<ModelMeta.CheckSpec> checks) {
    Copy c = new Copy(this);
    c.uniqueConstraints = unique;
    c.checkConstraints = checks;
    return c.build();
  }

  public ModelDefinition withUniqueTogether(List<List<String>> together) {
    Copy c = new Copy(this);
    c.uniqueTogether = together;
    return c.build();
  }

  /** The components of a definition, changed a few at a time by the {@code with...} methods. */
  private static final class Copy {
    final String appLabel;
    String name;
    String dbTable;
    List<FieldDefinition> fields;
    List<String> ordering;
    String verboseName;
    String verboseNamePlural;
    List<ModelMeta.IndexSpec> indexes;
    List<ModelMeta.UniqueSpec> uniqueConstraints;
    List<ModelMeta.CheckSpec> checkConstraints;
    List<List<String>> uniqueTogether;
    String dbTableComment;

    Copy(ModelDefinition d) {
      appLabel = d.appLabel;
      name = d.name;
      dbTable = d.dbTable;
      fields = d.fields;
      ordering = d.ordering;
      verboseName = d.verboseName;
      verboseNamePlural = d.verboseNamePlural;
      indexes = d.indexes;
      uniqueConstraints = d.uniqueConstraints;
      checkConstraints = d.checkConstraints;
      uniqueTogether = d.uniqueTogether;
      dbTableComment = d.dbTableComment;
    }

    ModelDefinition build() {
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
          dbTableComment);
    }
  }
}
