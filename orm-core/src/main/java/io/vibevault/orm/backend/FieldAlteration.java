package io.vibevault.orm.backend;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import java.util.List;
import java.util.Objects;

/**
 * One {@code alterField}: what changed between the two definitions of a field, and the statements
 * of {@link BaseSchemaEditor} that take the column from one to the other in Django's order (drop
 * the constraints and indexes the change invalidates, rename, fill NULLs, change the column, add
 * them back). The vendor's SQL comes from the editor's hooks; this class only decides.
 */
final class FieldAlteration {
  private final BaseSchemaEditor e;
  private final ModelMeta model;
  private final Field oldField;
  private final Field newField;

  FieldAlteration(BaseSchemaEditor editor, ModelMeta model, Field oldField, Field newField) {
    this.e = editor;
    this.model = model;
    this.oldField = oldField;
    this.newField = newField;
  }

  void apply() {
    if (!oldField.isConcrete() || !newField.isConcrete()) {
      alterManyToMany();
      return;
    }
    String table = model.dbTable();
    boolean renamed = !oldField.column().equals(newField.column());
    String oldType = e.columnType(oldField);
    String newType = e.columnType(newField);
    boolean typeChanged = !oldType.equals(newType);
    boolean oldFk = e.hasForeignKey(oldField);
    boolean newFk = e.hasForeignKey(newField);
    boolean fkChanged =
        oldFk != newFk
            || (oldFk
                && (renamed
                    || typeChanged
                    || !oldField
                        .relation()
                        .target()
                        .dbTable()
                        .equals(newField.relation().target().dbTable())));
    boolean oldUnique = oldField.isUnique() && !oldField.isPrimaryKey();
    boolean newUnique = newField.isUnique() && !newField.isPrimaryKey();
    boolean oldIndex = e.needsFieldIndex(oldField);
    boolean newIndex = e.needsFieldIndex(newField);
    // Foreign keys pointing at a column whose type changes (a primary key becoming big) must go
    // while both change, as in Django: their columns take the new type too.
    List<Field> pointing =
        typeChanged ? BaseSchemaEditor.keysPointingAt(model, newField) : List.of();
    for (Field key : pointing) {
      if (e.hasForeignKey(key) && !e.inlineForeignKeys()) {
        e.execute(e.dropForeignKeySql(key.model(), e.foreignKeyName(key.model(), key)));
      }
    }
    if (oldFk && fkChanged) {
      e.execute(e.dropForeignKeySql(model, e.foreignKeyName(model, oldField)));
    }
    if (oldUnique && !newUnique) {
      for (String name : e.uniqueConstraintNames(table, oldField.column())) {
        e.execute(e.dropUniqueSql(model, name));
      }
    }
    if (oldIndex && (!newIndex || renamed || typeChanged)) {
      e.execute(e.dropIndexSql(model, e.fieldIndexName(model, oldField)));
    }
    if (renamed) {
      e.execute(
          "ALTER TABLE "
              + e.q(table)
              + " RENAME COLUMN "
              + e.q(oldField.column())
              + " TO "
              + e.q(newField.column()));
    }
    if (oldField.isNullable() && !newField.isNullable()) {
      Object fill = e.oneOffFill(newField);
      if (fill != null) {
        // Existing NULLs take the default before the column refuses them (a bound value).
        e.execute(
            "UPDATE "
                + e.q(table)
                + " SET "
                + e.q(newField.column())
                + " = ? WHERE "
                + e.q(newField.column())
                + " IS NULL",
            List.of(fill));
      }
    }
    boolean autoChanged =
        BaseSchemaEditor.isAutoKey(oldField) != BaseSchemaEditor.isAutoKey(newField);
    // Two kinds may share a column type (integer and positive integer; MariaDB's JSON and text are
    // both longtext) and differ in their column CHECK. Where the check lives in the column
    // definition, the column is rewritten; elsewhere it is a constraint of its own, changed apart.
    String column = e.q(newField.column());
    String oldCheck = e.columnCheck(oldField, column);
    String newCheck = e.columnCheck(newField, column);
    boolean checkChanged = !Objects.equals(oldCheck, newCheck);
    boolean checkInDefinition = e.columnCheckInDefinition();
    if (checkChanged && !checkInDefinition && oldCheck != null) {
      for (String name : e.columnCheckNames(model, newField.column())) {
        e.execute(e.dropCheckSql(model, name));
      }
    }
    boolean columnChanged =
        typeChanged
            || autoChanged
            || (checkChanged && checkInDefinition)
            || oldField.isNullable() != newField.isNullable();
    if (columnChanged) {
      for (String sql : e.alterColumnSql(model, oldField, newField, typeChanged)) {
        e.execute(sql);
      }
    }
    if (!oldField.dbComment().equals(newField.dbComment())) {
      String sql = e.columnCommentSql(model, newField);
      if (sql != null) {
        e.execute(sql);
      } else if (!columnChanged
          && !e.inlineColumnComment(newField).equals(e.inlineColumnComment(oldField))) {
        // The comment lives in the column definition: rewriting the column sets it.
        e.alterColumnSql(model, oldField, newField, false).forEach(e::execute);
      }
    }
    if (newUnique && !oldUnique) {
      e.execute(
          "ALTER TABLE "
              + e.q(table)
              + " ADD CONSTRAINT "
              + e.q(Names.generatedName(table, List.of(newField.column()), "uniq"))
              + " UNIQUE ("
              + e.q(newField.column())
              + ")");
    }
    if (newIndex && (!oldIndex || renamed || typeChanged)) {
      e.execute(
          e.createIndexSql(table, e.fieldIndexName(model, newField), List.of(newField), false));
    }
    if (checkChanged && !checkInDefinition && newCheck != null) {
      String name = Names.generatedName(table, List.of(newField.column()), "check");
      e.execute(e.addCheckSql(table, name, newCheck));
    }
    if (newFk && fkChanged) {
      e.execute(e.foreignKeySql(model, newField));
    }
    restorePointingKeys(pointing);
  }

  /**
   * The columns of {@code pointing} (foreign keys to a column whose type changed) take the type of
   * their target again, and their constraints come back.
   */
  private void restorePointingKeys(List<Field> pointing) {
    for (Field key : pointing) {
      for (String sql : e.alterColumnSql(key.model(), key, key, true)) {
        e.execute(sql);
      }
    }
    for (Field key : pointing) {
      if (e.hasForeignKey(key) && !e.inlineForeignKeys()) {
        e.execute(e.foreignKeySql(key.model(), key));
      }
    }
  }

  /** A many-to-many field only changes its join table's name; it never becomes a column. */
  private void alterManyToMany() {
    if (oldField.isConcrete() || newField.isConcrete()) {
      throw new io.vibevault.orm.exception.NotSupportedError(
          "Cannot alter "
              + oldField
              + " into "
              + newField
              + ": a many-to-many field and a column are not interchangeable; remove one and add"
              + " the other");
    }
    if (BaseSchemaEditor.autoCreatedThrough(oldField)
        && BaseSchemaEditor.autoCreatedThrough(newField)
        && !oldField.relation().m2mTable().equals(newField.relation().m2mTable())) {
      e.execute(e.renameTableSql(oldField.relation().m2mTable(), newField.relation().m2mTable()));
    }
  }
}
