package io.vibevault.orm.model;

import io.vibevault.orm.backend.JsonText;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The metadata of one model field (Django's {@code Field}): its names, column, storage kind,
 * options and, for relations, its {@link Relation}. Built once per model class by {@link
 * ModelMeta}; read-only afterwards.
 *
 * <pre>{@code
 * Field title = ModelMeta.of(Memory.class).field("title");
 * title.column();      // "title"
 * title.maxLength();   // 255
 * }</pre>
 */
public final class Field {
  private final ModelMeta model;
  private final String name;
  private final String attname;
  private final String column;
  private final FieldKind declaredKind;
  private final Class<?> javaType;
  private final Options options;
  private final Relation relation;

  /** The Java field's accessors typed (Model)Object and (Model,Object)void, for invokeExact. */
  private final MethodHandle getter;

  private final MethodHandle setter;

  /** The setter with its own types, for {@link FieldWriter}; null when there is none. */
  private final MethodHandle exactSetter;

  /** A final Java field: the setter made from its VarHandle raises on every call. */
  private final boolean finalField;

  private final ValueConverter fromNeutral;
  private volatile FieldKind resolvedKind;

  /** The options of a field, as declared by its annotation. */
  record Options(
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
      String uploadTo,
      String verboseName,
      String helpText,
      List<Validator> validators,
      Class<? extends Choices> choices,
      Object defaultValue,
      boolean hasDefault,
      String dbComment) {}

  Field(
      ModelMeta model,
      String name,
      String attname,
      String column,
      FieldKind declaredKind,
      Class<?> javaType,
      Options options,
      Relation relation,
      VarHandle handle) {
    this(
        model,
        name,
        attname,
        column,
        declaredKind,
        javaType,
        options,
        relation,
        handle,
        null,
        null);
  }

  /**
   * As above, with direct getter and setter handles of the Java field where there are (null: made
   * from {@code handle}; a final field has no setter).
   */
  Field(
      ModelMeta model,
      String name,
      String attname,
      String column,
      FieldKind declaredKind,
      Class<?> javaType,
      Options options,
      Relation relation,
      VarHandle handle,
      MethodHandle directGetter,
      MethodHandle directSetter) {
    this.model = model;
    this.name = name;
    this.attname = attname;
    this.column = column;
    this.declaredKind = declaredKind;
    this.javaType = javaType;
    this.options = options;
    this.relation = relation;
    // Invoking a VarHandle whose type differs from the call site's adapts it on every call; the
    // adapted method handles are made once here, and invokeExact calls them as they are.
    MethodHandle get =
        directGetter != null
            ? directGetter
            : handle == null ? null : handle.toMethodHandle(VarHandle.AccessMode.GET);
    MethodHandle set =
        directSetter != null
            ? directSetter
            : handle == null ? null : handle.toMethodHandle(VarHandle.AccessMode.SET);
    this.finalField = directSetter == null && directGetter != null;
    this.getter = get == null ? null : get.asType(MethodType.methodType(Object.class, Model.class));
    this.exactSetter = set;
    this.setter =
        set == null
            ? null
            : set.asType(MethodType.methodType(void.class, Model.class, Object.class));
    this.fromNeutral = relation == null ? ValueConverter.of(this) : null;
  }

  /** The model that declares the field. */
  public ModelMeta model() {
    return model;
  }

  /** The Java field name, used in lookup paths. */
  public String name() {
    return name;
  }

  /** The attribute holding the column value: the name, or {@code <name>Id} for a relation. */
  public String attname() {
    return attname;
  }

  /** The column name, or null for a many-to-many field. */
  public String column() {
    return column;
  }

  /** Whether the field has a column in the model's table (false for many-to-many). */
  public boolean isConcrete() {
    return column != null;
  }

  /** The storage kind; for a relation, the kind of the target field (auto becomes integer). */
  public FieldKind kind() {
    if (relation == null) {
      return declaredKind;
    }
    FieldKind k = resolvedKind;
    if (k == null) {
      k = relation.isManyToMany() ? null : relation.targetField().kind();
      if (k == FieldKind.AUTO) {
        k = FieldKind.INTEGER;
      } else if (k == FieldKind.BIG_AUTO) {
        k = FieldKind.BIG_INTEGER;
      }
      resolvedKind = k;
    }
    return k;
  }

  /** The Java type of the field as declared. */
  public Class<?> javaType() {
    return javaType;
  }

  public boolean isRelation() {
    return relation != null;
  }

  /** The relation, or null for a plain field. */
  public Relation relation() {
    return relation;
  }

  public boolean isNullable() {
    return options.nullable();
  }

  public boolean isBlank() {
    return options.blank();
  }

  public boolean isUnique() {
    return options.unique() || options.primaryKey();
  }

  public boolean isDbIndex() {
    return options.dbIndex();
  }

  public boolean isPrimaryKey() {
    return options.primaryKey();
  }

  /** The maximum length for text kinds, or 0 when unbounded. */
  public int maxLength() {
    return options.maxLength();
  }

  public int maxDigits() {
    return options.maxDigits();
  }

  public int decimalPlaces() {
    return options.decimalPlaces();
  }

  public boolean isAutoNow() {
    return options.autoNow();
  }

  public boolean isAutoNowAdd() {
    return options.autoNowAdd();
  }

  public String uploadTo() {
    return options.uploadTo();
  }

  public String verboseName() {
    return options.verboseName();
  }

  public String helpText() {
    return options.helpText();
  }

  /** The comment on the column ({@code dbComment}), empty when none. */
  public String dbComment() {
    return options.dbComment();
  }

  public List<Validator> validators() {
    return options.validators();
  }

  /** The enum giving the field its choices, or null. */
  public Class<? extends Choices> choices() {
    return options.choices();
  }

  /** Whether the Java field has an initial value (its default). */
  public boolean hasDefault() {
    return options.hasDefault();
  }

  /** The initial value of the Java field on a new instance (the default), or null. */
  public Object defaultValue() {
    return options.defaultValue();
  }

  /**
   * Where a file for this FileField is stored: {@code uploadTo} with {@code %Y}, {@code %m} and
   * {@code %d} expanded for {@code date}, then the file's name reduced to safe characters (no
   * directories, no leading dots), so a client-supplied name can never leave the upload folder.
   */
  public String uploadPath(String fileName, java.time.LocalDate date) {
    if (kind() != FieldKind.FILE) {
      throw new IllegalStateException(this + " is not a FileField");
    }
    String base = fileName == null ? "" : fileName.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      safe.append(ok ? c : '_');
    }
    String name = safe.toString().replaceFirst("^[.]+", "");
    if (name.isEmpty()) {
      throw new io.vibevault.orm.exception.ValidationError(
          name(), "The file name is empty or unsafe.");
    }
    String dir =
        uploadTo()
            .replace("%Y", String.format("%04d", date.getYear()))
            .replace("%m", String.format("%02d", date.getMonthValue()))
            .replace("%d", String.format("%02d", date.getDayOfMonth()));
    String path = dir.isEmpty() || dir.endsWith("/") ? dir + name : dir + "/" + name;
    if (path.length() > maxLength() && maxLength() > 0) {
      throw new io.vibevault.orm.exception.ValidationError(
          name(), "The stored path is longer than " + maxLength() + " characters.");
    }
    return path;
  }

  /** Reads the attribute value: the field's value, or for a relation the id it holds. */
  public Object get(Model instance) {
    Object raw = holder(instance);
    if (relation != null) {
      return raw == null ? null : ((Ref<?>) raw).id();
    }
    return raw;
  }

  /** Writes the attribute value; for a relation, sets the id (clearing a cached object). */
  public void set(Model instance, Object value) {
    if (relation != null) {
      ((Ref<?>) holder(instance)).setId(value);
      return;
    }
    if (value == null && javaType.isPrimitive()) {
      throw new io.vibevault.orm.exception.ValidationError(
          name,
          "field '"
              + name
              + "' is a primitive and cannot hold NULL; declare it nullable with a wrapper type");
    }
    try {
      setter.invokeExact(instance, value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Whether {@link FieldWriter} can set this field: not a relation, and not final. */
  boolean isWritableDirectly() {
    return relation == null && setter != null && !finalField;
  }

  /** The setter as the Java field has it: (declaring class, field type)void. */
  MethodHandle exactSetter() {
    return exactSetter;
  }

  /** The holder object of a relation field (a {@link Ref} or {@link ManyToMany}). */
  Object holder(Model instance) {
    try {
      return (Object) getter.invokeExact(instance);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Converts a Java value into the neutral value bound for this field's column. */
  public Object toNeutral(Object value) {
    if (value instanceof Model m && relation != null) {
      checkTarget(m);
      value = relation.targetField().get(m);
    }
    return kind().toNeutral(value, name);
  }

  /**
   * Refuses an object of another model for a relation (Django's "must be a ... instance"): its
   * primary key would silently point the column at the wrong table.
   */
  public void checkTarget(Model related) {
    Class<?> target = relation.target().modelClass();
    if (target != null && !target.isInstance(related)) {
      throw new io.vibevault.orm.exception.ArgumentError(
          "Cannot use a "
              + related.getClass().getSimpleName()
              + " for "
              + model.modelName()
              + "."
              + name
              + ": it must be a "
              + target.getSimpleName()
              + " instance");
    }
  }

  /** Converts a neutral value read from the database into the Java field's type. */
  public Object fromNeutral(Object neutral) {
    if (neutral == null) {
      return null;
    }
    if (relation != null) {
      return relation.targetField().fromNeutral(neutral);
    }
    return fromNeutral.apply(neutral);
  }

  /** Parses stored JSON for a JSON field; other kinds are returned unchanged. */
  static Object decodeJson(Object neutral) {
    return neutral instanceof JsonText j ? j.parse() : neutral;
  }

  @Override
  public String toString() {
    return model.label() + "." + name;
  }
}
