package io.vibevault.orm.backend;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Renaming a table in {@link BaseSchemaEditor}: the indexes and constraints whose generated names
 * derive from the table's name follow it, so later operations find them under the names the model
 * gives them; a join table's columns follow too. The vendor's SQL comes from the editor's hooks
 * ({@code renameTableSql}, {@code renameGeneratedIndex}, {@code renameForeignKey}, ...).
 */
final class TableRename {
  private TableRename() {}

  /**
   * Renames {@code oldTable} to {@code newTable} and the names derived from it; {@code model} is
   * the model after the change.
   */
  static void table(BaseSchemaEditor e, ModelMeta model, String oldTable, String newTable) {
    if (oldTable.equals(newTable)) {
      return;
    }
    e.execute(e.renameTableSql(oldTable, newTable));
    for (Field f : model.concreteFields()) {
      List<String> column = List.of(f.column());
      if (e.needsFieldIndex(f)) {
        e.renameGeneratedIndex(
            model,
            Names.generatedName(oldTable, column, "ix"),
            Names.generatedName(newTable, column, "ix"));
      }
      if (e.hasForeignKey(f) && !e.inlineForeignKeys()) {
        e.renameForeignKey(model, f, Names.generatedName(oldTable, column, "fk"));
      }
    }
    for (List<String> set : model.uniqueTogether()) {
      List<String> columns = set.stream().map(n -> BaseSchemaEditor.column(model, n)).toList();
      e.renameGeneratedConstraint(
          model,
          Names.generatedName(oldTable, columns, "uniq"),
          Names.generatedName(newTable, columns, "uniq"));
    }
    for (ModelMeta.IndexSpec index : model.indexes()) {
      if (index.name() == null || index.name().isEmpty()) {
        List<String> parts = new ArrayList<>();
        for (String name : index.fields()) {
          parts.add(
              name.startsWith("-")
                  ? BaseSchemaEditor.column(model, name.substring(1)) + "_desc"
                  : BaseSchemaEditor.column(model, name));
        }
        e.renameGeneratedIndex(
            model,
            Names.generatedName(oldTable, parts, "idx"),
            Names.generatedName(newTable, parts, "idx"));
      }
    }
  }

  /** Gives a join table the table and column names of {@code newThrough}, rows kept. */
  static void joinTable(BaseSchemaEditor e, ModelMeta oldThrough, ModelMeta newThrough) {
    if (BaseSchemaEditor.sameJoinTable(oldThrough, newThrough)) {
      return;
    }
    List<Field> oldFields = oldThrough.concreteFields();
    List<Field> newFields = newThrough.concreteFields();
    for (Field f : oldFields) {
      if (e.hasForeignKey(f) && !e.inlineForeignKeys()) {
        e.execute(e.dropForeignKeySql(oldThrough, e.foreignKeyName(oldThrough, f)));
      }
    }
    for (Field f : oldFields) {
      if (e.needsFieldIndex(f)) {
        e.execute(e.dropIndexSql(oldThrough, e.fieldIndexName(oldThrough, f)));
      }
    }
    for (List<String> set : oldThrough.uniqueTogether()) {
      e.execute(e.dropUniqueSql(oldThrough, e.uniqueTogetherName(oldThrough, set)));
    }
    String table = newThrough.dbTable();
    if (!oldThrough.dbTable().equals(table)) {
      e.execute(e.renameTableSql(oldThrough.dbTable(), table));
    }
    for (int i = 0; i < newFields.size(); i++) {
      String from = oldFields.get(i).column();
      String to = newFields.get(i).column();
      if (!from.equals(to)) {
        e.execute("ALTER TABLE " + e.q(table) + " RENAME COLUMN " + e.q(from) + " TO " + e.q(to));
      }
    }
    e.createIndexes(newThrough, table, newFields);
    for (List<String> set : newThrough.uniqueTogether()) {
      e.execute(e.addUniqueTogetherSql(newThrough, set));
    }
    for (Field f : newFields) {
      if (e.hasForeignKey(f) && !e.inlineForeignKeys()) {
        e.execute(e.foreignKeySql(newThrough, f));
      }
    }
  }
}
