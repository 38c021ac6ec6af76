package io.vibevault.orm.backend;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DDL every backend writes the same way (Django's {@code BaseDatabaseSchemaEditor}): tables
 * with their columns, keys, unique and check constraints, indexes and the join tables of
 * many-to-many fields. A vendor subclass gives column types and overrides the statements that
 * differ. Defaults never reach the schema: as in Django, they live in the model.
 *
 * <p>Foreign keys are added once their target table exists: a constraint towards a table this
 * editor has not created yet waits until it does ({@link #pendingForeignKeys()}), so models may be
 * created in any order.
 *
 * <pre>{@code
 * SchemaEditor editor = backend.schemaEditor(Database.connection());
 * editor.createModel(ModelMeta.of(Memory.class));
 * editor.executedSql();   // [CREATE TABLE "memories" (...), CREATE INDEX ...]
 * }</pre>
 */
public abstract class BaseSchemaEditor implements SchemaEditor {
  protected final SqlExecutor executor;
  protected final Operations ops;
  private final List<String> executed = new ArrayList<>();
  private final Map<String, List<String>> pendingForeignKeys = new LinkedHashMap<>();
  private final CheckConstraints checks;
  private final java.util.Set<String> createdTables = new java.util.HashSet<>();

  protected BaseSchemaEditor(SqlExecutor executor, Operations ops) {
    this.executor = executor;
    this.ops = ops;
    this.checks = new CheckConstraints(ops, this::q);
  }

  // ---------------------------------------------------------------- vendor hooks

  /** A field without a column (many-to-many) has no type on any backend. */
  @Override
  public String columnType(Field field) {
    return field.isConcrete() ? concreteColumnType(field) : null;
  }

  /** The vendor's column type for a field that has a column. */
  protected abstract String concreteColumnType(Field field);

  /** Written right after {@code PRIMARY KEY} for AUTO and BIG_AUTO keys. */
  protected abstract String autoIncrementSuffix();

  /** Whether the table exists now (foreign keys towards it can be added). */
  protected abstract boolean tableExists(String table);

  /** A column-level CHECK condition for the field's type, or null. */
  protected String columnCheck(Field field, String quotedColumn) {
    return field.kind() == FieldKind.POSITIVE_INTEGER ? quotedColumn + " >= 0" : null;
  }

  /** Table options after the closing parenthesis of CREATE TABLE. */
  protected String tableSuffix() {
    return "";
  }

  /**
   * The statement that sets a column's comment ({@code ""}: removes it), or null where the comment
   * is written in the column definition ({@link #inlineColumnComment}) or not stored at all.
   */
  protected String columnCommentSql(ModelMeta model, Field field) {
    return null;
  }

  /** The statement that sets a table's comment ({@code ""}: removes it), or null for none. */
  protected String tableCommentSql(String table, String comment) {
    return null;
  }

  /**
   * The comment clause inside a column definition (MariaDB's {@code COMMENT '...'}), or "" when the
   * backend sets comments by statement or keeps none.
   */
  protected String inlineColumnComment(Field field) {
    return "";
  }

  /** Foreign keys written inside the column definition instead of by ALTER TABLE. */
  protected boolean inlineForeignKeys() {
    return false;
  }

  /** Appended to every foreign key: deferred checks let the ORM delete in any order. */
  protected String foreignKeyDeferral() {
    return " DEFERRABLE INITIALLY DEFERRED";
  }

  /** Whether the column type can carry an ordinary index (some cannot index unbounded text). */
  protected boolean canIndex(Field field) {
    return true;
  }

  protected String dropTableSql(String table) {
    return "DROP TABLE " + q(table);
  }

  protected String dropIndexSql(ModelMeta model, String index) {
    return "DROP INDEX " + q(index);
  }

  protected String dropForeignKeySql(ModelMeta model, String constraint) {
    return "ALTER TABLE " + q(model.dbTable()) + " DROP CONSTRAINT " + q(constraint);
  }

  /** Runs before a column is dropped (where a foreign key must go first). */
  protected void beforeDropColumn(ModelMeta model, Field field) {}

  // ---------------------------------------------------------------- names

  /** An index's name: the declared one, or one generated from the table and columns. */
  public String indexName(ModelMeta model, ModelMeta.IndexSpec index) {
    if (index.name() != null && !index.name().isEmpty()) {
      return index.name();
    }
    List<String> parts = new ArrayList<>();
    for (String f : index.fields()) {
      parts.add(f.startsWith("-") ? column(model, f.substring(1)) + "_desc" : column(model, f));
    }
    return Names.generatedName(model.dbTable(), parts, "idx");
  }

  /** The name of the index made for a field with {@code dbIndex} (foreign keys included). */
  public String fieldIndexName(ModelMeta model, Field field) {
    return Names.generatedName(model.dbTable(), List.of(field.column()), "ix");
  }

  public String foreignKeyName(ModelMeta model, Field field) {
    return Names.generatedName(model.dbTable(), List.of(field.column()), "fk");
  }

  /** The constraint name of a {@code uniqueTogether} set. */
  public String uniqueTogetherName(ModelMeta model, List<String> fields) {
    return Names.generatedName(
        model.dbTable(), fields.stream().map(f -> column(model, f)).toList(), "uniq");
  }

  /** Foreign-key statements waiting for their target table, by target table. */
  public Map<String, List<String>> pendingForeignKeys() {
    return Map.copyOf(pendingForeignKeys);
  }

  // ---------------------------------------------------------------- SchemaEditor

  @Override
  public void createModel(ModelMeta model) {
    createTable(model, model.dbTable(), model.concreteFields());
    if (!model.dbTableComment().isEmpty()) {
      alterTableComment(model, model.dbTableComment());
    }
    for (Field f : model.concreteFields()) {
      setColumnComment(model, f);
    }
    createIndexes(model, model.dbTable(), model.concreteFields());
    if (!inlineForeignKeys()) {
      for (Field f : model.concreteFields()) {
        if (hasForeignKey(f)) {
          addForeignKey(model, f);
        }
      }
    }
    List<String> waiting = pendingForeignKeys.remove(model.dbTable());
    if (waiting != null) {
      waiting.forEach(this::execute);
    }
    for (Field f : model.manyToManyFields()) {
      if (autoCreatedThrough(f)) {
        createModel(f.relation().through());
      }
    }
  }

  @Override
  public void deleteModel(ModelMeta model) {
    for (Field f : model.manyToManyFields()) {
      if (autoCreatedThrough(f)) {
        execute(dropTableSql(f.relation().through().dbTable()));
      }
    }
    execute(dropTableSql(model.dbTable()));
  }

  @Override
  public void addField(ModelMeta model, Field field) {
    if (!field.isConcrete()) {
      if (autoCreatedThrough(field)) {
        createModel(field.relation().through());
      }
      return;
    }
    String definition = columnDefinition(field);
    String defaultLiteral = temporaryDefault(field);
    String table = q(model.dbTable());
    if (defaultLiteral != null) {
      definition += " DEFAULT " + defaultLiteral;
    }
    execute("ALTER TABLE " + table + " ADD COLUMN " + definition);
    if (defaultLiteral != null) {
      // The default only filled the existing rows: the model keeps defaults, not the schema.
      execute("ALTER TABLE " + table + " ALTER COLUMN " + q(field.column()) + " DROP DEFAULT");
    }
    setColumnComment(model, field);
    if (needsFieldIndex(field)) {
      execute(createIndexSql(model.dbTable(), fieldIndexName(model, field), List.of(field), false));
    }
    if (!inlineForeignKeys() && hasForeignKey(field)) {
      addForeignKey(model, field);
    }
  }

  @Override
  public void removeField(ModelMeta model, Field field) {
    if (!field.isConcrete()) {
      if (autoCreatedThrough(field)) {
        deleteModel(field.relation().through());
      }
      return;
    }
    beforeDropColumn(model, field);
    execute("ALTER TABLE " + q(model.dbTable()) + " DROP COLUMN " + q(field.column()));
  }

  @Override
  public void addIndex(ModelMeta model, ModelMeta.IndexSpec index) {
    execute(indexSql(model, model.dbTable(), index));
  }

  @Override
  public void removeIndex(ModelMeta model, ModelMeta.IndexSpec index) {
    execute(dropIndexSql(model, indexName(model, index)));
  }

  @Override
  public void alterField(ModelMeta model, Field oldField, Field newField) {
    new FieldAlteration(this, model, oldField, newField).apply();
  }

  /**
   * The concrete foreign keys, from any model of {@code model}'s registry (join tables included),
   * whose target is {@code target}.
   */
  protected static List<Field> keysPointingAt(ModelMeta model, Field target) {
    List<Field> out = new ArrayList<>();
    for (io.vibevault.orm.model.ReverseRelation r : model.incomingRelations()) {
      Field key = r.field();
      if (key.isConcrete() && key.relation().targetField().name().equals(target.name())) {
        out.add(key);
      }
    }
    return out;
  }

  @Override
  public void alterTableComment(ModelMeta model, String comment) {
    String sql = tableCommentSql(model.dbTable(), comment);
    if (sql != null) {
      execute(sql);
    }
  }

  /** Sets a new column's comment where that takes a statement of its own. */
  private void setColumnComment(ModelMeta model, Field field) {
    if (!field.dbComment().isEmpty()) {
      String sql = columnCommentSql(model, field);
      if (sql != null) {
        execute(sql);
      }
    }
  }

  /** A primary key the database numbers (AUTO, BIG_AUTO). */
  protected static boolean isAutoKey(Field f) {
    return f.isPrimaryKey() && f.kind() != null && f.kind().isAuto();
  }

  /** The value existing NULL rows take when a column becomes NOT NULL, or null for none. */
  protected Object oneOffFill(Field f) {
    if (!f.hasDefault() || f.defaultValue() == null || f.isRelation()) {
      return null;
    }
    return f.toNeutral(f.defaultValue());
  }

  /**
   * The statements that change a column's type and nullability (PostgreSQL's form by default:
   * {@code ALTER COLUMN ... TYPE} and {@code SET/DROP NOT NULL}), and whether a primary key is
   * numbered by the database (a vendor override: identity, AUTO_INCREMENT).
   */
  protected List<String> alterColumnSql(
      ModelMeta model, Field oldField, Field newField, boolean typeChanged) {
    List<String> out = new ArrayList<>();
    String prefix = "ALTER TABLE " + q(model.dbTable()) + " ALTER COLUMN " + q(newField.column());
    if (typeChanged) {
      out.add(prefix + " TYPE " + columnType(newField) + typeConversion(newField));
    }
    if (oldField.isNullable() != newField.isNullable()) {
      out.add(prefix + (newField.isNullable() ? " DROP NOT NULL" : " SET NOT NULL"));
    }
    return out;
  }

  /** Appended to a column type change, e.g. PostgreSQL's {@code USING "col"::type}. */
  protected String typeConversion(Field newField) {
    return "";
  }

  /**
   * Whether a column's CHECK ({@link #columnCheck}) belongs to the column's definition, rewritten
   * with it (MariaDB), rather than being a constraint of its own that an ALTER of the column keeps.
   */
  protected boolean columnCheckInDefinition() {
    return false;
  }

  /**
   * The names of the CHECK constraints on this one column that the model does not declare: the
   * checks its field's type added (introspected; none where the backend cannot tell).
   */
  protected List<String> columnCheckNames(ModelMeta model, String column) {
    return List.of();
  }

  protected String dropCheckSql(ModelMeta model, String constraint) {
    return "ALTER TABLE " + q(model.dbTable()) + " DROP CONSTRAINT " + q(constraint);
  }

  /** A named CHECK added to an existing table ({@code condition} is SQL the ORM compiled). */
  String addCheckSql(String table, String constraint, String condition) {
    return "ALTER TABLE "
        + q(table)
        + " ADD CONSTRAINT "
        + q(constraint)
        + " CHECK ("
        + condition
        + ")";
  }

  /** The names of single-column unique constraints on a column (introspected). */
  protected List<String> uniqueConstraintNames(String table, String column) {
    return List.of();
  }

  protected String dropUniqueSql(ModelMeta model, String constraint) {
    return "ALTER TABLE " + q(model.dbTable()) + " DROP CONSTRAINT " + q(constraint);
  }

  protected String renameTableSql(String oldTable, String newTable) {
    return "ALTER TABLE " + q(oldTable) + " RENAME TO " + q(newTable);
  }

  protected String renameIndexSql(ModelMeta model, String oldName, String newName) {
    return "ALTER INDEX " + q(oldName) + " RENAME TO " + q(newName);
  }

  /**
   * Renames the table, then every index and constraint whose generated name derives from the table
   * name, so that later operations find them under the names the model gives them. {@code model} is
   * the model after the change (its table is {@code newTable}).
   */
  @Override
  public void alterDbTable(ModelMeta model, String oldTable, String newTable) {
    TableRename.table(this, model, oldTable, newTable);
  }

  /**
   * Every name of a join table derives from its table and columns: its foreign keys, indexes and
   * unique pair are dropped, the table and columns renamed, and all of them made again.
   */
  @Override
  public void alterJoinTable(ModelMeta oldThrough, ModelMeta newThrough) {
    TableRename.joinTable(this, oldThrough, newThrough);
  }

  /** Whether two join models have the same table and the same columns (nothing to rename). */
  protected static boolean sameJoinTable(ModelMeta oldThrough, ModelMeta newThrough) {
    return oldThrough.dbTable().equals(newThrough.dbTable())
        && oldThrough.concreteFields().stream()
            .map(Field::column)
            .toList()
            .equals(newThrough.concreteFields().stream().map(Field::column).toList());
  }

  /** Renames an index made under a generated name (the table was renamed). */
  protected void renameGeneratedIndex(ModelMeta model, String oldName, String newName) {
    execute(renameIndexSql(model, oldName, newName));
  }

  /** Renames a constraint made under a generated name (the table was renamed). */
  protected void renameGeneratedConstraint(ModelMeta model, String oldName, String newName) {
    execute(
        "ALTER TABLE "
            + q(model.dbTable())
            + " RENAME CONSTRAINT "
            + q(oldName)
            + " TO "
            + q(newName));
  }

  /** Gives a foreign key the name the renamed table implies. */
  protected void renameForeignKey(ModelMeta model, Field f, String oldName) {
    renameGeneratedConstraint(model, oldName, foreignKeyName(model, f));
  }

  @Override
  public void addUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint) {
    execute(
        "ALTER TABLE "
            + q(model.dbTable())
            + " ADD CONSTRAINT "
            + q(constraint.name())
            + " UNIQUE ("
            + columns(model, constraint.fields())
            + ")");
  }

  @Override
  public void removeUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint) {
    execute(dropUniqueSql(model, constraint.name()));
  }

  @Override
  public void addCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint) {
    execute(addCheckSql(model.dbTable(), constraint.name(), checkCondition(model, constraint)));
  }

  @Override
  public void removeCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint) {
    execute(dropCheckSql(model, constraint.name()));
  }

  @Override
  public void alterUniqueTogether(
      ModelMeta model, List<List<String>> oldSets, List<List<String>> newSets) {
    for (List<String> set : oldSets) {
      if (!newSets.contains(set)) {
        execute(dropUniqueSql(model, uniqueTogetherName(model, set)));
      }
    }
    for (List<String> set : newSets) {
      if (!oldSets.contains(set)) {
        execute(addUniqueTogetherSql(model, set));
      }
    }
  }

  String addUniqueTogetherSql(ModelMeta model, List<String> set) {
    return "ALTER TABLE "
        + q(model.dbTable())
        + " ADD CONSTRAINT "
        + q(uniqueTogetherName(model, set))
        + " UNIQUE ("
        + columns(model, set)
        + ")";
  }

  @Override
  public void renameIndex(
      ModelMeta model, ModelMeta.IndexSpec oldIndex, ModelMeta.IndexSpec newIndex) {
    String oldName = indexName(model, oldIndex);
    String newName = indexName(model, newIndex);
    if (!oldName.equals(newName)) {
      execute(renameIndexSql(model, oldName, newName));
    }
  }

  /**
   * A lock row in {@code vibevault_lock} (see {@link MigrationLockRow}); backends with session
   * locks override this.
   */
  @Override
  public void acquireMigrationLock(String name, int timeoutSeconds) {
    new MigrationLockRow(executor, ops)
        .acquire(name, timeoutSeconds, tableExists("vibevault_lock"));
  }

  @Override
  public void releaseMigrationLock(String name) {
    new MigrationLockRow(executor, ops).release(name);
  }

  @Override
  public void runSql(String sql) {
    execute(sql);
  }

  @Override
  public List<String> executedSql() {
    return List.copyOf(executed);
  }

  // ---------------------------------------------------------------- building blocks

  /** Runs one statement and records it. */
  protected void execute(String sql) {
    execute(sql, List.of());
  }

  /** Runs one statement with bound values and records it. */
  protected void execute(String sql, List<Object> params) {
    executed.add(sql);
    executor.execute(sql, params);
  }

  protected String q(String name) {
    return ops.quoteName(name);
  }

  /** CREATE TABLE for these fields (a rebuilt table may name itself differently). */
  protected void createTable(ModelMeta model, String table, List<Field> fields) {
    List<String> parts = new ArrayList<>();
    for (Field f : fields) {
      parts.add(columnDefinition(f));
    }
    for (ModelMeta.UniqueSpec u : model.uniqueConstraints()) {
      if (!covers(model, fields, u.fields())) {
        continue;
      }
      parts.add("CONSTRAINT " + q(u.name()) + " UNIQUE (" + columns(model, u.fields()) + ")");
    }
    for (List<String> together : model.uniqueTogether()) {
      if (!covers(model, fields, together)) {
        continue;
      }
      parts.add(
          "CONSTRAINT "
              + q(uniqueTogetherName(model, together))
              + " UNIQUE ("
              + columns(model, together)
              + ")");
    }
    for (ModelMeta.CheckSpec c : model.checkConstraints()) {
      if (!covers(model, fields, CheckConstraints.fields(c))) {
        continue;
      }
      parts.add("CONSTRAINT " + q(c.name()) + " CHECK (" + checkCondition(model, c) + ")");
    }
    execute("CREATE TABLE " + q(table) + " (" + String.join(", ", parts) + ")" + tableSuffix());
    createdTables.add(table);
  }

  /** The field indexes and the model's declared indexes of a table. */
  protected void createIndexes(ModelMeta model, String table, List<Field> fields) {
    for (Field f : fields) {
      if (needsFieldIndex(f)) {
        execute(createIndexSql(table, fieldIndexName(model, f), List.of(f), false));
      }
    }
    for (ModelMeta.IndexSpec index : model.indexes()) {
      List<String> names = index.fields().stream().map(f -> f.replaceFirst("^-", "")).toList();
      if (covers(model, fields, names)) {
        execute(indexSql(model, table, index));
      }
    }
  }

  /**
   * Whether every named field has its column among {@code fields}: a rebuilt table without a column
   * keeps no constraint or index over it.
   */
  private static boolean covers(ModelMeta model, List<Field> fields, List<String> fieldNames) {
    for (String name : fieldNames) {
      String column = model.field(name).column();
      if (fields.stream().noneMatch(f -> f.column().equals(column))) {
        return false;
      }
    }
    return true;
  }

  /** {@code "col" type NULL|NOT NULL [PRIMARY KEY ...] [UNIQUE] [CHECK] [REFERENCES]}. */
  protected String columnDefinition(Field f) {
    String column = q(f.column());
    StringBuilder sql = new StringBuilder(column).append(' ').append(columnType(f));
    if (f.isPrimaryKey()) {
      sql.append(" NOT NULL PRIMARY KEY");
      if (f.kind().isAuto()) {
        sql.append(' ').append(autoIncrementSuffix());
      }
    } else {
      sql.append(f.isNullable() ? " NULL" : " NOT NULL");
      if (f.isUnique()) {
        sql.append(" UNIQUE");
      }
    }
    sql.append(inlineColumnComment(f));
    String check = columnCheck(f, column);
    if (check != null) {
      sql.append(" CHECK (").append(check).append(')');
    }
    if (inlineForeignKeys() && hasForeignKey(f)) {
      sql.append(" REFERENCES ")
          .append(q(f.relation().target().dbTable()))
          .append(" (")
          .append(q(f.relation().targetField().column()))
          .append(')')
          .append(foreignKeyDeferral());
    }
    return sql.toString();
  }

  /** A many-to-many whose join table the ORM made: an explicit through model has its own table. */
  protected static boolean autoCreatedThrough(Field f) {
    if (f.relation().hasExplicitThrough()) {
      return false; // and its model need not be registered yet when this table is made
    }
    ModelMeta through = f.relation().through();
    return through != null && through.isAutoCreated();
  }

  protected boolean hasForeignKey(Field f) {
    return f.isRelation() && f.isConcrete() && f.relation().dbConstraint();
  }

  protected boolean needsFieldIndex(Field f) {
    return f.isDbIndex() && !f.isUnique() && !f.isPrimaryKey() && canIndex(f);
  }

  protected String foreignKeySql(ModelMeta model, Field f) {
    return "ALTER TABLE "
        + q(model.dbTable())
        + " ADD CONSTRAINT "
        + q(foreignKeyName(model, f))
        + " FOREIGN KEY ("
        + q(f.column())
        + ") REFERENCES "
        + q(f.relation().target().dbTable())
        + " ("
        + q(f.relation().targetField().column())
        + ")"
        + foreignKeyDeferral();
  }

  private void addForeignKey(ModelMeta model, Field f) {
    String target = f.relation().target().dbTable();
    String sql = foreignKeySql(model, f);
    if (target.equals(model.dbTable()) || createdTables.contains(target) || tableExists(target)) {
      execute(sql);
    } else {
      pendingForeignKeys.computeIfAbsent(target, t -> new ArrayList<>()).add(sql);
    }
  }

  protected String createIndexSql(String table, String name, List<Field> fields, boolean unique) {
    return (unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
        + q(name)
        + " ON "
        + q(table)
        + " ("
        + String.join(", ", fields.stream().map(f -> q(f.column())).toList())
        + ")";
  }

  protected String indexSql(ModelMeta model, String table, ModelMeta.IndexSpec index) {
    List<String> parts = new ArrayList<>();
    for (String f : index.fields()) {
      boolean desc = f.startsWith("-");
      parts.add(q(column(model, desc ? f.substring(1) : f)) + (desc ? " DESC" : ""));
    }
    return "CREATE INDEX "
        + q(indexName(model, index))
        + " ON "
        + q(table)
        + " ("
        + String.join(", ", parts)
        + ")";
  }

  /** A literal of the field's default for filling existing rows, or null when none is needed. */
  protected String temporaryDefault(Field f) {
    if (f.isNullable() || f.isPrimaryKey() || !f.hasDefault() || f.defaultValue() == null) {
      return null;
    }
    return ops.quoteValue(f.toNeutral(f.defaultValue()));
  }

  protected static String column(ModelMeta model, String fieldName) {
    return model.field(fieldName).column();
  }

  private String columns(ModelMeta model, List<String> fieldNames) {
    return String.join(", ", fieldNames.stream().map(f -> q(column(model, f))).toList());
  }

  /**
   * Renders a check constraint's {@code path=jsonValue} conditions, AND-ed, with literals: DDL
   * cannot bind.
   */
  protected String checkCondition(ModelMeta model, ModelMeta.CheckSpec check) {
    return checks.condition(model, check);
  }
}
