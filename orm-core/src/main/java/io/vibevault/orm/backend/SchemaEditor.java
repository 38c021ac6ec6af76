package io.vibevault.orm.backend;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.util.List;

/**
 * Changes the schema to match models (Django's {@code SchemaEditor}): used by tests to create
 * tables now, and by migrations for every schema operation.
 *
 * <pre>{@code
 * SchemaEditor editor = backend.schemaEditor(connection);
 * editor.createModel(ModelMeta.of(Memory.class));
 * }</pre>
 */
public interface SchemaEditor {
  /** CREATE TABLE with columns, keys, constraints and indexes, and auto-created join tables. */
  void createModel(ModelMeta model);

  /** DROP TABLE, with auto-created join tables. */
  void deleteModel(ModelMeta model);

  /** Adds a column (and its constraints and index). */
  void addField(ModelMeta model, Field field);

  /** Drops a column. */
  void removeField(ModelMeta model, Field field);

  void addIndex(ModelMeta model, ModelMeta.IndexSpec index);

  void removeIndex(ModelMeta model, ModelMeta.IndexSpec index);

  /** The column type of a field, e.g. {@code varchar(255)}, or null for no column. */
  String columnType(Field field);

  /** Every statement this editor ran, in order (for sqlmigrate and tests). */
  List<String> executedSql();
}
