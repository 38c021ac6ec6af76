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

  /**
   * Changes a column to match {@code newField}: its name, type, nullability, uniqueness, index and
   * foreign key. {@code model} is the model after the change; {@code oldField} belongs to the model
   * before it. Rows are kept (SQLite rebuilds the table).
   */
  void alterField(ModelMeta model, Field oldField, Field newField);

  /** Renames a model's table (its join tables follow through {@link #alterJoinTable}). */
  void alterDbTable(ModelMeta model, String oldTable, String newTable);

  /**
   * Sets the comment of the model's table ({@code ""} removes it); nothing where the database keeps
   * no comments.
   */
  default void alterTableComment(ModelMeta model, String comment) {}

  /**
   * Gives an auto-created join table the table and column names a rename implies (Django's {@code
   * _alter_many_to_many}): a model at one end was renamed, so {@code note_tags(note_id, tag_id)}
   * becomes {@code memory_tags(memory_id, tag_id)}. Rows are kept; keys, indexes and the unique
   * pair follow. {@code oldThrough} and {@code newThrough} have their columns in the same order.
   */
  void alterJoinTable(ModelMeta oldThrough, ModelMeta newThrough);

  /** Adds a named unique constraint; {@code model} already declares it. */
  void addUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint);

  /** Drops a named unique constraint; {@code model} no longer declares it. */
  void removeUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint);

  /** Adds a named check constraint; {@code model} already declares it. */
  void addCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint);

  /** Drops a named check constraint; {@code model} no longer declares it. */
  void removeCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint);

  /**
   * Changes the unique-together sets from {@code oldSets} to {@code newSets}; {@code model} is the
   * model after the change.
   */
  void alterUniqueTogether(ModelMeta model, List<List<String>> oldSets, List<List<String>> newSets);

  /** Renames an index; {@code model} is the model after the change. */
  void renameIndex(ModelMeta model, ModelMeta.IndexSpec oldIndex, ModelMeta.IndexSpec newIndex);

  /**
   * Runs a statement written by hand (a migration's RunSql), recording it like the others. The text
   * is the migration author's; values never go here.
   */
  void runSql(String sql);

  /**
   * Runs {@code work} (a migration, perhaps in a transaction) on one connection with foreign-key
   * checks suspended where the backend must suspend them to rebuild tables, and checks every
   * foreign key afterwards. The default simply runs it.
   */
  default void withConstraintChecksSuspended(Runnable work) {
    work.run();
  }

  /**
   * Takes the lock that lets one process at a time migrate this database, waiting for it (at most
   * {@code timeoutSeconds}). Must run on the connection that later releases it: a session lock on
   * PostgreSQL and MySQL, a lock row on SQLite.
   */
  void acquireMigrationLock(String name, int timeoutSeconds);

  /** Releases the lock taken by {@link #acquireMigrationLock}. */
  void releaseMigrationLock(String name);

  /** The column type of a field, e.g. {@code varchar(255)}, or null for no column. */
  String columnType(Field field);

  /** Every statement this editor ran, in order (for sqlmigrate and tests). */
  List<String> executedSql();
}
