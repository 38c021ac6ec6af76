package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.BaseSchemaEditor;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite DDL: Django's column types, foreign keys inline ({@code REFERENCES ... DEFERRABLE
 * INITIALLY DEFERRED}), and the table rebuild SQLite needs where {@code ALTER TABLE} cannot go
 * (adding a NOT NULL or unique column, dropping a column).
 *
 * <pre>{@code
 * SchemaEditor editor = new SqliteSchemaEditor(Database.connection(), new SqliteOperations());
 * editor.createModel(ModelMeta.of(Memory.class));
 * }</pre>
 */
public final class SqliteSchemaEditor extends BaseSchemaEditor {
  public SqliteSchemaEditor(SqlExecutor executor, Operations ops) {
    super(executor, ops);
  }

  @Override
  protected String concreteColumnType(Field field) {
    FieldKind kind = field.kind();
    return switch (kind) {
      case AUTO, BIG_AUTO, INTEGER, POSITIVE_INTEGER -> "integer";
      case BIG_INTEGER -> "bigint";
      case SMALL_INTEGER -> "smallint";
      case FLOAT -> "real";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "bool";
      case CHAR, EMAIL, URL, SLUG, FILE ->
          field.maxLength() > 0 ? "varchar(" + field.maxLength() + ")" : "text";
      case TEXT, JSON -> "text";
      case DATE -> "date";
      case DATE_TIME -> "datetime";
      case TIME -> "time";
      case DURATION -> "bigint";
      case UUID -> "char(32)";
      case BINARY -> "BLOB";
    };
  }

  @Override
  protected String autoIncrementSuffix() {
    return "AUTOINCREMENT";
  }

  @Override
  protected String columnCheck(Field field, String quotedColumn) {
    if (field.kind() == FieldKind.JSON) {
      return "JSON_VALID(" + quotedColumn + ") OR " + quotedColumn + " IS NULL";
    }
    return super.columnCheck(field, quotedColumn);
  }

  @Override
  protected boolean inlineForeignKeys() {
    return true;
  }

  @Override
  protected boolean tableExists(String table) {
    return !executor
        .query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", List.of(table))
        .isEmpty();
  }

  @Override
  public void addField(ModelMeta model, Field field) {
    boolean simple =
        !field.isConcrete()
            || (field.isNullable()
                && !field.isUnique()
                && !field.isPrimaryKey()
                && temporaryDefault(field) == null);
    if (simple) {
      super.addField(model, field);
      return;
    }
    List<Field> fields = new ArrayList<>();
    Map<String, String> source = new LinkedHashMap<>();
    for (Field f : model.concreteFields()) {
      if (!f.column().equals(field.column())) {
        fields.add(f);
        source.put(f.column(), q(f.column()));
      }
    }
    fields.add(field);
    String fill = temporaryDefault(field);
    if (fill != null) {
      source.put(field.column(), fill);
    }
    rebuild(model, fields, source);
  }

  @Override
  public void removeField(ModelMeta model, Field field) {
    if (!field.isConcrete()) {
      super.removeField(model, field);
      return;
    }
    List<Field> fields = new ArrayList<>();
    for (Field f : model.concreteFields()) {
      if (!f.column().equals(field.column())) {
        fields.add(f);
      }
    }
    rebuild(model, fields, identity(fields));
  }

  @Override
  public void alterField(ModelMeta model, Field oldField, Field newField) {
    if (!oldField.isConcrete() || !newField.isConcrete()) {
      super.alterField(model, oldField, newField);
      return;
    }
    List<Field> fields = model.concreteFields();
    Map<String, String> source = identity(fields);
    String from = q(oldField.column());
    if (!oldField.column().equals(newField.column())) {
      // RENAME COLUMN also rewrites the foreign keys of other tables that name the column (a
      // toField), which a rebuild of this table alone would leave pointing at a missing column.
      execute(
          "ALTER TABLE "
              + q(model.dbTable())
              + " RENAME COLUMN "
              + from
              + " TO "
              + q(newField.column()));
      from = q(newField.column());
    }
    Object fill = oldField.isNullable() && !newField.isNullable() ? oneOffFill(newField) : null;
    source.put(
        newField.column(),
        fill == null ? from : "COALESCE(" + from + ", " + ops.quoteValue(fill) + ")");
    rebuild(model, fields, source);
    if (!columnType(oldField).equals(columnType(newField))) {
      // The tables whose foreign keys point at the column are rebuilt with its new type, as Django.
      java.util.Set<String> done = new java.util.HashSet<>(List.of(model.dbTable()));
      for (Field key : keysPointingAt(model, newField)) {
        if (done.add(key.model().dbTable())) {
          rebuild(key.model());
        }
      }
    }
  }

  @Override
  public void addUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint) {
    rebuild(model);
  }

  @Override
  public void removeUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint) {
    rebuild(model);
  }

  @Override
  public void addCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint) {
    rebuild(model);
  }

  @Override
  public void removeCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint) {
    rebuild(model);
  }

  @Override
  public void alterUniqueTogether(
      ModelMeta model, List<List<String>> oldSets, List<List<String>> newSets) {
    if (!oldSets.equals(newSets)) {
      rebuild(model);
    }
  }

  /**
   * The join table is renamed (SQLite rewrites the references to it), then rebuilt with the new
   * column names, each filled from the old column at the same position.
   */
  @Override
  public void alterJoinTable(ModelMeta oldThrough, ModelMeta newThrough) {
    if (sameJoinTable(oldThrough, newThrough)) {
      return;
    }
    if (!oldThrough.dbTable().equals(newThrough.dbTable())) {
      execute(renameTableSql(oldThrough.dbTable(), newThrough.dbTable()));
    }
    List<Field> oldFields = oldThrough.concreteFields();
    List<Field> newFields = newThrough.concreteFields();
    Map<String, String> source = new LinkedHashMap<>();
    for (int i = 0; i < newFields.size(); i++) {
      source.put(newFields.get(i).column(), q(oldFields.get(i).column()));
    }
    rebuild(newThrough, newFields, source);
  }

  /** SQLite cannot rename an index: the renamed table's generated indexes are made again. */
  @Override
  protected void renameGeneratedIndex(ModelMeta model, String oldName, String newName) {
    execute("DROP INDEX IF EXISTS " + q(oldName));
    for (Field f : model.concreteFields()) {
      if (needsFieldIndex(f) && fieldIndexName(model, f).equals(newName)) {
        execute(createIndexSql(model.dbTable(), newName, List.of(f), false));
      }
    }
    for (ModelMeta.IndexSpec index : model.indexes()) {
      if (indexName(model, index).equals(newName)) {
        execute(indexSql(model, model.dbTable(), index));
      }
    }
  }

  /** Unique-together constraints live inside the table's definition: nothing to rename. */
  @Override
  protected void renameGeneratedConstraint(ModelMeta model, String oldName, String newName) {}

  /** SQLite cannot rename an index: it is dropped and made again under the new name. */
  @Override
  public void renameIndex(
      ModelMeta model, ModelMeta.IndexSpec oldIndex, ModelMeta.IndexSpec newIndex) {
    String oldName = indexName(model, oldIndex);
    if (!oldName.equals(indexName(model, newIndex))) {
      execute(dropIndexSql(model, oldName));
      execute(indexSql(model, model.dbTable(), newIndex));
    }
  }

  /**
   * Foreign keys are switched off around a migration (a pragma SQLite ignores inside a
   * transaction), so tables can be rebuilt inside the migration's transaction; each rebuild checks
   * the keys of its table before the transaction ends.
   */
  @Override
  public void withConstraintChecksSuspended(Runnable work) {
    executor.onOneConnection(
        () -> {
          boolean enforced = foreignKeysEnforced();
          if (enforced) {
            executor.execute("PRAGMA foreign_keys = OFF", List.of());
          }
          try {
            work.run();
          } finally {
            if (enforced) {
              executor.execute("PRAGMA foreign_keys = ON", List.of());
            }
          }
        });
  }

  private void rebuild(ModelMeta model) {
    rebuild(model, model.concreteFields(), identity(model.concreteFields()));
  }

  private Map<String, String> identity(List<Field> fields) {
    Map<String, String> source = new LinkedHashMap<>();
    for (Field f : fields) {
      source.put(f.column(), q(f.column()));
    }
    return source;
  }

  /**
   * SQLite's documented procedure for the schema changes ALTER TABLE cannot make: with foreign keys
   * off, create the new table, copy every row ({@code source}: each new column's expression over
   * the old table), drop the old table (which drops its triggers), rename, index again, create the
   * table's triggers again from their own SQL (an application's full-text triggers, say), then
   * check the foreign keys.
   */
  private void rebuild(ModelMeta model, List<Field> fields, Map<String, String> source) {
    String table = model.dbTable();
    String temporary = "new__" + table;
    String insertColumns = String.join(", ", source.keySet().stream().map(this::q).toList());
    String selectValues = String.join(", ", source.values());
    executor.onOneConnection(
        () -> {
          boolean enforced = foreignKeysEnforced();
          if (enforced) {
            executor.execute("PRAGMA foreign_keys = OFF", List.of());
            if (foreignKeysEnforced()) {
              throw new NotSupportedError(
                  "SQLite cannot rebuild "
                      + table
                      + " inside a transaction while foreign keys are enforced; change the"
                      + " schema outside Transaction.atomic");
            }
          }
          try {
            List<Object[]> triggers =
                executor.query(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                    List.of(table));
            createTable(model, temporary, fields);
            execute(
                "INSERT INTO "
                    + q(temporary)
                    + " ("
                    + insertColumns
                    + ") SELECT "
                    + selectValues
                    + " FROM "
                    + q(table));
            execute(dropTableSql(table));
            execute("ALTER TABLE " + q(temporary) + " RENAME TO " + q(table));
            createIndexes(model, table, fields);
            for (Object[] trigger : triggers) {
              // The database's own text of a trigger it holds: nothing from outside is spliced.
              execute((String) trigger[0]);
            }
            List<Object[]> broken =
                executor.query("PRAGMA foreign_key_check(" + q(table) + ")", List.of());
            if (!broken.isEmpty()) {
              throw new IntegrityError(
                  "Rebuilding "
                      + table
                      + " left "
                      + broken.size()
                      + " row(s) whose foreign key points nowhere (first: table "
                      + broken.get(0)[0]
                      + ", rowid "
                      + broken.get(0)[1]
                      + ")");
            }
          } finally {
            if (enforced) {
              executor.execute("PRAGMA foreign_keys = ON", List.of());
            }
          }
        });
  }

  private boolean foreignKeysEnforced() {
    List<Object[]> rows = executor.query("PRAGMA foreign_keys", List.of());
    return !rows.isEmpty() && rows.get(0)[0] instanceof Number n && n.longValue() == 1;
  }
}
