package io.vibevault.orm.model;

import java.util.Objects;

/**
 * A field described as plain data, without a Java field behind it: what migrations store and
 * replay. A plain field has a {@link #kind()}; a relation has a {@link #relation()} kind and a
 * target label ({@code "vault.Tag"}). {@link #defaultValue()} is the default as a neutral JSON
 * value (string, number, boolean, list or map).
 *
 * <pre>{@code
 * FieldDefinition title = FieldDefinition.of("title", FieldKind.CHAR).withMaxLength(255);
 * FieldDefinition user = FieldDefinition.relation("user", Relation.Kind.MANY_TO_ONE, "vault.User");
 * FieldDefinition.of(ModelMeta.of(Memory.class).field("title"));   // from a model class
 * }</pre>
 */
public record FieldDefinition(
    String name,
    FieldKind kind,
    Relation.Kind relation,
    String column,
    boolean nullable,
    boolean blank,
    boolean unique,
    boolean dbIndex,
    boolean primaryKey,
    int maxLength,
    int maxDigits,
    int decimalPlaces,
    boolean autoNow,
    boolean autoNowAdd,
    boolean hasDefault,
    Object defaultValue,
    String to,
    OnDelete onDelete,
    String relatedName,
    String toField,
    boolean dbConstraint,
    String m2mTable,
    String dbComment) {

  public FieldDefinition {
    Objects.requireNonNull(name, "name");
    if ((kind == null) == (relation == null)) {
      throw new IllegalArgumentException(name + ": a field has either a kind or a relation");
    }
    if (relation != null && (to == null || to.isEmpty())) {
      throw new IllegalArgumentException(name + ": a relation needs its target label");
    }
    if (relation == null) {
      onDelete = null;
    } else if (onDelete == null) {
      onDelete = OnDelete.CASCADE;
    }
    defaultValue = neutralForStorage(defaultValue);
    relatedName = relatedName == null ? "" : relatedName;
    toField = toField == null ? "" : toField;
    dbComment = Names.checkComment(name, dbComment);
  }

  /** A plain field of this kind, column {@code snake_case(name)}, NOT NULL, no default. */
  public static FieldDefinition of(String name, FieldKind kind) {
    return new FieldDefinition(
        name,
        kind,
        null,
        Names.snakeCase(name),
        false,
        kind.isAuto(),
        kind.isAuto(),
        false,
        kind.isAuto(),
        0,
        0,
        0,
        false,
        false,
        false,
        null,
        null,
        null,
        "",
        "",
        true,
        null,
        "");
  }

  /** A relation towards {@code to} ({@code app.Model}); its column is {@code <name>_id}. */
  public static FieldDefinition relation(String name, Relation.Kind kind, String to) {
    boolean m2m = kind == Relation.Kind.MANY_TO_MANY;
    return new FieldDefinition(
        name,
        null,
        kind,
        m2m ? null : Names.snakeCase(name) + "_id",
        false,
        false,
        kind == Relation.Kind.ONE_TO_ONE,
        !m2m,
        false,
        0,
        0,
        0,
        false,
        false,
        false,
        null,
        to,
        OnDelete.CASCADE,
        "",
        "",
        true,
        null,
        "");
  }

  /** The definition of a model class's field, as a migration records it. */
  public static FieldDefinition of(Field f) {
    Relation r = f.relation();
    Object dflt = null;
    if (r == null && f.hasDefault() && f.defaultValue() != null) {
      dflt = neutralForStorage(f.kind().toNeutral(f.defaultValue(), f.name()));
    }
    return new FieldDefinition(
        f.name(),
        r == null ? f.kind() : null,
        r == null ? null : r.kind(),
        f.column(),
        f.isNullable(),
        f.isBlank(),
        f.isUnique(),
        f.isDbIndex(),
        f.isPrimaryKey(),
        f.maxLength(),
        f.maxDigits(),
        f.decimalPlaces(),
        f.isAutoNow(),
        f.isAutoNowAdd(),
        dflt != null,
        dflt,
        r == null ? null : r.target().label(),
        r == null ? null : r.onDelete(),
        r == null ? "" : r.relatedName(),
        r == null || r.isManyToMany() || r.targetField() == r.target().pk()
            ? ""
            : r.targetField().name(),
        r == null || r.dbConstraint(),
        r != null && r.isManyToMany() ? r.m2mTable() : null,
        f.dbComment());
  }

  /** A neutral value as JSON can hold it: dates, times, decimals and UUIDs become text. */
  static Object neutralForStorage(Object neutral) {
    if (neutral == null
        || neutral instanceof String
        || neutral instanceof Boolean
        || neutral instanceof Long
        || neutral instanceof Double
        || neutral instanceof java.util.Map
        || neutral instanceof java.util.List) {
      return neutral;
    }
    if (neutral instanceof Integer || neutral instanceof Short || neutral instanceof Byte) {
      return ((Number) neutral).longValue();
    }
    if (neutral instanceof Float fl) {
      return fl.doubleValue();
    }
    if (neutral instanceof io.vibevault.orm.backend.JsonText j) {
      return j.parse();
    }
    if (neutral instanceof byte[]) {
      return null;
    }
    return neutral.toString();
  }

  /** Whether this field has a column in its model's table (not a many-to-many). */
  public boolean isConcrete() {
    return column != null;
  }

  public boolean isRelation() {
    return relation != null;
  }

  public FieldDefinition withName(String newName) {
    Copy c = new Copy(this);
    c.name = newName;
    return c.build();
  }

  public FieldDefinition withColumn(String newColumn) {
    Copy c = new Copy(this);
    c.column = newColumn;
    return c.build();
  }

  public FieldDefinition withNullable(boolean isNullable) {
    Copy c = new Copy(this);
    c.nullable = isNullable;
    return c.build();
  }

  public FieldDefinition withUnique(boolean isUnique) {
    Copy c = new Copy(this);
    c.unique = isUnique;
    return c.build();
  }

  public FieldDefinition withDbIndex(boolean index) {
    Copy c = new Copy(this);
    c.dbIndex = index;
    return c.build();
  }

  public FieldDefinition withMaxLength(int length) {
    Copy c = new Copy(this);
    c.maxLength = length;
    return c.build();
  }

  /**
   * This field with a default (a neutral JSON value), or without one when {@code value} is null.
   */
  public FieldDefinition withDefault(Object value) {
    Copy c = new Copy(this);
    c.hasDefault = value != null;
    c.defaultValue = value;
    return c.build();
  }

  /** This field with a comment on its column (empty: none). */
  public FieldDefinition withDbComment(String comment) {
    Copy c = new Copy(this);
    c.dbComment = comment;
    return c.build();
  }

  public FieldDefinition withTarget(String label) {
    Copy c = new Copy(this);
    c.to = label;
    return c.build();
  }

  /** This relation with another on_delete rule. */
  public FieldDefinition withOnDelete(OnDelete rule) {
    Copy c = new Copy(this);
    c.onDelete = rule;
    return c.build();
  }

  /** This relation pointing at {@code field} of its target instead of the primary key. */
  public FieldDefinition withToField(String field) {
    Copy c = new Copy(this);
    c.toField = field;
    return c.build();
  }

  /** This many-to-many field with its join table named {@code table} (null: derived). */
  public FieldDefinition withM2mTable(String table) {
    Copy c = new Copy(this);
    c.m2mTable = table;
    return c.build();
  }

  /** This field compared for the schema: the same, ignoring its name (a rename keeps it). */
  public boolean sameDefinitionAs(FieldDefinition other) {
    return equals(other.withName(name));
  }

  /** The components of a definition, changed one at a time by the {@code with...} methods. */
  private static final class Copy {
    String name;
    final FieldKind kind;
    final Relation.Kind relation;
    String column;
    boolean nullable;
    final boolean blank;
    boolean unique;
    boolean dbIndex;
    final boolean primaryKey;
    int maxLength;
    final int maxDigits;
    final int decimalPlaces;
    final boolean autoNow;
    final boolean autoNowAdd;
    boolean hasDefault;
    Object defaultValue;
    String to;
    OnDelete onDelete;
    final String relatedName;
    String toField;
    final boolean dbConstraint;
    String m2mTable;
    String dbComment;

    Copy(FieldDefinition d) {
      name = d.name;
      kind = d.kind;
      relation = d.relation;
      column = d.column;
      nullable = d.nullable;
      blank = d.blank;
      unique = d.unique;
      dbIndex = d.dbIndex;
      primaryKey = d.primaryKey;
      maxLength = d.maxLength;
      maxDigits = d.maxDigits;
      decimalPlaces = d.decimalPlaces;
      autoNow = d.autoNow;
      autoNowAdd = d.autoNowAdd;
      hasDefault = d.hasDefault;
      defaultValue = d.defaultValue;
      to = d.to;
      onDelete = d.onDelete;
      relatedName = d.relatedName;
      toField = d.toField;
      dbConstraint = d.dbConstraint;
      m2mTable = d.m2mTable;
      dbComment = d.dbComment;
    }

    FieldDefinition build() {
      return new FieldDefinition(
          name,
          kind,
          relation,
          column,
          nullable,
          blank,
          unique,
          dbIndex,
          primaryKey,
          maxLength,
          maxDigits,
          decimalPlaces,
          autoNow,
          autoNowAdd,
          hasDefault,
          defaultValue,
          to,
          onDelete,
          relatedName,
          toField,
          dbConstraint,
          m2mTable,
          dbComment);
    }
  }
}
