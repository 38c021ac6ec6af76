package io.vibevault.orm.backend.mysql;

import io.vibevault.orm.backend.BaseSchemaEditor;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.exception.LockNotAvailable;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import java.util.List;

/**
 * MySQL/MariaDB DDL: Django's column types, InnoDB tables in utf8mb4 with the flavour's binary NO
 * PAD collation, plain foreign keys (InnoDB cannot defer them), no index on TEXT/BLOB columns
 * (which need a prefix length), and the foreign key dropped before its column.
 *
 * <pre>{@code
 * SchemaEditor editor = backend.schemaEditor(Database.connection());
 * editor.createModel(ModelMeta.of(Memory.class));
 * // CREATE TABLE `memories` (...) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin
 * }</pre>
 */
public final class MysqlSchemaEditor extends BaseSchemaEditor {
  private final MysqlFlavour flavour;

  public MysqlSchemaEditor(SqlExecutor executor, Operations ops, MysqlFlavour flavour) {
    super(executor, ops);
    this.flavour = flavour;
  }

  @Override
  protected String concreteColumnType(Field field) {
    return switch (field.kind()) {
      case AUTO, INTEGER, POSITIVE_INTEGER -> "integer";
      case BIG_AUTO, BIG_INTEGER -> "bigint";
      case SMALL_INTEGER -> "smallint";
      case FLOAT -> "double precision";
      case DECIMAL ->
          "numeric("
              + (field.maxDigits() > 0 ? field.maxDigits() : 65)
              + ", "
              + field.decimalPlaces()
              + ")";
      case BOOLEAN -> "bool";
      case CHAR, EMAIL, URL, SLUG, FILE -> varchar(field);
      case TEXT -> "longtext";
      case DATE -> "date";
      case DATE_TIME -> "datetime(6)";
      case TIME -> "time(6)";
      case DURATION -> "bigint";
      case UUID -> "char(32)";
      case JSON -> flavour.nativeJson() ? "json" : "longtext";
      case BINARY -> "longblob";
    };
  }

  /**
   * {@code varchar(n)}, or {@code longtext} without a max length. A foreign key to a text field
   * ({@code toField}) takes the target's length: InnoDB cannot reference a varchar from longtext.
   */
  private static String varchar(Field field) {
    int max = field.isRelation() ? field.relation().targetField().maxLength() : field.maxLength();
    return max > 0 ? "varchar(" + max + ")" : "longtext";
  }

  @Override
  protected String autoIncrementSuffix() {
    return "AUTO_INCREMENT";
  }

  @Override
  protected String columnCheck(Field field, String quotedColumn) {
    if (field.kind() == FieldKind.JSON && !flavour.nativeJson()) {
      return "JSON_VALID(" + quotedColumn + ")";
    }
    return super.columnCheck(field, quotedColumn);
  }

  /** MariaDB/MySQL keep a column's comment in its definition: every MODIFY restates it. */
  @Override
  protected String inlineColumnComment(Field field) {
    return field.dbComment().isEmpty() ? "" : " COMMENT " + commentLiteral(field.dbComment());
  }

  @Override
  protected String tableCommentSql(String table, String comment) {
    return "ALTER TABLE " + q(table) + " COMMENT = " + commentLiteral(comment);
  }

  /** The comment as the dialect's string literal: DDL takes no bound parameters. */
  private String commentLiteral(String comment) {
    return ops.quoteValue(comment);
  }

  @Override
  protected String tableSuffix() {
    return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + flavour.collation();
  }

  @Override
  protected String foreignKeyDeferral() {
    return "";
  }

  @Override
  protected boolean canIndex(Field field) {
    String type = columnType(field);
    return !(type.endsWith("text") || type.endsWith("blob") || type.equals("json"));
  }

  @Override
  protected boolean tableExists(String table) {
    return !executor
        .query(
            "SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?",
            List.of(table))
        .isEmpty();
  }

  @Override
  protected String dropIndexSql(ModelMeta model, String index) {
    return "DROP INDEX " + q(index) + " ON " + q(model.dbTable());
  }

  @Override
  protected String dropForeignKeySql(ModelMeta model, String constraint) {
    return "ALTER TABLE " + q(model.dbTable()) + " DROP FOREIGN KEY " + q(constraint);
  }

  /** A named user lock ({@code GET_LOCK}): held by the session until released. */
  @Override
  public void acquireMigrationLock(String name, int timeoutSeconds) {
    Object got =
        executor.query("SELECT GET_LOCK(?, ?)", List.of(name, (long) timeoutSeconds)).get(0)[0];
    if (!(got instanceof Number n) || n.intValue() != 1) {
      throw new LockNotAvailable(
          "The migration lock '" + name + "' is still held after " + timeoutSeconds + " s",
          null,
          null,
          0);
    }
  }

  @Override
  public void releaseMigrationLock(String name) {
    executor.query("SELECT RELEASE_LOCK(?)", List.of(name));
  }

  /**
   * MySQL changes type and nullability together, restating the whole column (an auto primary key
   * keeps its AUTO_INCREMENT). On MariaDB a column's CHECK belongs to its definition, and a MODIFY
   * without one drops it (a JSON column made NOT NULL would lose its JSON_VALID): the new field's
   * check is restated, which also adds or drops it when the type changes. MySQL 8 keeps column
   * checks as table constraints that MODIFY leaves alone (and would add again).
   */
  @Override
  protected List<String> alterColumnSql(
      ModelMeta model, Field oldField, Field newField, boolean typeChanged) {
    String column = q(newField.column());
    String check = columnCheckInDefinition() ? columnCheck(newField, column) : null;
    return List.of(
        "ALTER TABLE "
            + q(model.dbTable())
            + " MODIFY "
            + column
            + " "
            + columnType(newField)
            + (newField.isNullable() ? " NULL" : " NOT NULL")
            + (isAutoKey(newField) ? " " + autoIncrementSuffix() : "")
            + (check == null ? "" : " CHECK (" + check + ")")
            + inlineColumnComment(newField));
  }

  @Override
  protected boolean columnCheckInDefinition() {
    return flavour.mariaDb();
  }

  @Override
  protected List<String> uniqueConstraintNames(String table, String column) {
    return executor
        .query(
            "SELECT index_name FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND non_unique = 0"
                + " AND index_name <> 'PRIMARY' GROUP BY index_name"
                + " HAVING COUNT(*) = 1 AND MAX(column_name) = ? ORDER BY index_name",
            List.of(table, column))
        .stream()
        .map(r -> String.valueOf(r[0]))
        .toList();
  }

  @Override
  protected String dropUniqueSql(ModelMeta model, String constraint) {
    return "ALTER TABLE " + q(model.dbTable()) + " DROP INDEX " + q(constraint);
  }

  /** A unique constraint is an index in MySQL. */
  @Override
  protected void renameGeneratedConstraint(ModelMeta model, String oldName, String newName) {
    execute(renameIndexSql(model, oldName, newName));
  }

  /** MySQL cannot rename a foreign key: it is dropped and added again under the new name. */
  @Override
  protected void renameForeignKey(ModelMeta model, Field f, String oldName) {
    execute(dropForeignKeySql(model, oldName));
    execute(foreignKeySql(model, f));
  }

  @Override
  protected String renameIndexSql(ModelMeta model, String oldName, String newName) {
    return "ALTER TABLE "
        + q(model.dbTable())
        + " RENAME INDEX "
        + q(oldName)
        + " TO "
        + q(newName);
  }

  @Override
  protected void beforeDropColumn(ModelMeta model, Field field) {
    if (hasForeignKey(field)) {
      execute(dropForeignKeySql(model, foreignKeyName(model, field)));
    }
  }
}
