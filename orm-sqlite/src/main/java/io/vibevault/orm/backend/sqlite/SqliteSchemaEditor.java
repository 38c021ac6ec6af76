package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.BaseSchemaEditor;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;

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
    } else {
      rebuild(model, field, null);
    }
  }

  @Override
  public void removeField(ModelMeta model, Field field) {
    if (!field.isConcrete()) {
      super.removeField(model, field);
    } else {
      rebuild(model, null, field);
    }
  }

  /**
   * SQLite's documented procedure for other schema changes: with foreign keys off, create the new
   * table, copy the rows, drop the old table, rename, and index again.
   */
  private void rebuild(ModelMeta model, Field added, Field removed) {
    List<Field> kept = new ArrayList<>();
    for (Field f : model.concreteFields()) {
      boolean isRemoved = removed != null && f.column().equals(removed.column());
      boolean isAdded = added != null && f.column().equals(added.column());
      if (!isRemoved && !isAdded) {
        kept.add(f);
      }
    }
    List<Field> fields = new ArrayList<>(kept);
    if (added != null) {
      fields.add(added);
    }
    String table = model.dbTable();
    String temporary = "new__" + table;
    String columns = String.join(", ", kept.stream().map(f -> q(f.column())).toList());
    String values = columns;
    String fill = added == null ? null : temporaryDefault(added);
    if (fill != null) {
      columns += ", " + q(added.column());
      values += ", " + fill;
    }
    String insertColumns = columns;
    String selectValues = values;
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
