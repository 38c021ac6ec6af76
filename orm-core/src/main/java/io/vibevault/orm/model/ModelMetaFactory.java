package io.vibevault.orm.model;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.model.fields.AutoField;
import io.vibevault.orm.model.fields.BigAutoField;
import io.vibevault.orm.model.fields.BigIntegerField;
import io.vibevault.orm.model.fields.BinaryField;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.CheckConstraint;
import io.vibevault.orm.model.fields.DateField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.DecimalField;
import io.vibevault.orm.model.fields.DurationField;
import io.vibevault.orm.model.fields.EmailField;
import io.vibevault.orm.model.fields.FileField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Index;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.OneToOneField;
import io.vibevault.orm.model.fields.PositiveIntegerField;
import io.vibevault.orm.model.fields.SlugField;
import io.vibevault.orm.model.fields.SmallIntegerField;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.model.fields.TimeField;
import io.vibevault.orm.model.fields.URLField;
import io.vibevault.orm.model.fields.UUIDField;
import io.vibevault.orm.model.fields.UniqueConstraint;
import io.vibevault.orm.model.fields.UniqueTogether;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a {@link ModelMeta} from a model class's annotations. */
final class ModelMetaFactory {
  private static final Map<Class<? extends Annotation>, FieldKind> KINDS =
      Map.ofEntries(
          Map.entry(AutoField.class, FieldKind.AUTO),
          Map.entry(BigAutoField.class, FieldKind.BIG_AUTO),
          Map.entry(CharField.class, FieldKind.CHAR),
          Map.entry(TextField.class, FieldKind.TEXT),
          Map.entry(IntegerField.class, FieldKind.INTEGER),
          Map.entry(BigIntegerField.class, FieldKind.BIG_INTEGER),
          Map.entry(SmallIntegerField.class, FieldKind.SMALL_INTEGER),
          Map.entry(PositiveIntegerField.class, FieldKind.POSITIVE_INTEGER),
          Map.entry(FloatField.class, FieldKind.FLOAT),
          Map.entry(DecimalField.class, FieldKind.DECIMAL),
          Map.entry(BooleanField.class, FieldKind.BOOLEAN),
          Map.entry(DateField.class, FieldKind.DATE),
          Map.entry(DateTimeField.class, FieldKind.DATE_TIME),
          Map.entry(TimeField.class, FieldKind.TIME),
          Map.entry(DurationField.class, FieldKind.DURATION),
          Map.entry(UUIDField.class, FieldKind.UUID),
          Map.entry(EmailField.class, FieldKind.EMAIL),
          Map.entry(URLField.class, FieldKind.URL),
          Map.entry(SlugField.class, FieldKind.SLUG),
          Map.entry(JSONField.class, FieldKind.JSON),
          Map.entry(BinaryField.class, FieldKind.BINARY),
          Map.entry(FileField.class, FieldKind.FILE));

  private ModelMetaFactory() {}

  static ModelMeta build(Apps apps, Class<? extends Model> modelClass) {
    if (Modifier.isAbstract(modelClass.getModifiers())) {
      throw new FieldError(
          modelClass.getName() + " is abstract; abstract models have no table and no manager");
    }
    Meta meta = modelClass.getAnnotation(Meta.class);
    if (meta != null && meta.isAbstract() && modelClass.getDeclaredAnnotation(Meta.class) == meta) {
      throw new FieldError(
          modelClass.getName() + " is declared abstract (@Meta(isAbstract = true))");
    }
    Meta own = modelClass.getDeclaredAnnotation(Meta.class);
    String appLabel = appLabel(modelClass, own);
    String modelName = modelClass.getSimpleName();
    String table =
        own != null && !own.dbTable().isEmpty()
            ? own.dbTable()
            : appLabel + "_" + modelName.toLowerCase(Locale.ROOT);
    DefinedModels.checkName(modelClass.getName(), table);
    ModelMeta result = new ModelMeta(apps, modelClass, appLabel, modelName, table, false);
    apps.put(result);
    populate(result, modelClass, own);
    apps.registered(result);
    return result;
  }

  private static String appLabel(Class<?> modelClass, Meta own) {
    if (own != null && !own.appLabel().isEmpty()) {
      return own.appLabel();
    }
    // An abstract parent's Meta may carry the app label for all its children.
    for (Class<?> c = modelClass.getSuperclass();
        c != null && c != Model.class;
        c = c.getSuperclass()) {
      Meta m = c.getDeclaredAnnotation(Meta.class);
      if (m != null && !m.appLabel().isEmpty()) {
        return m.appLabel();
      }
    }
    String pkg = modelClass.getPackageName();
    return pkg.substring(pkg.lastIndexOf('.') + 1);
  }

  private static void populate(ModelMeta meta, Class<? extends Model> modelClass, Meta own) {
    MethodHandles.Lookup lookup;
    Model prototype;
    try {
      lookup = MethodHandles.privateLookupIn(modelClass, MethodHandles.lookup());
      meta.constructor =
          lookup
              .findConstructor(modelClass, MethodType.methodType(void.class))
              .asType(MethodType.methodType(Model.class));
      prototype = (Model) meta.constructor.invokeExact();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new FieldError(
          modelClass.getName()
              + " needs a public no-argument constructor ("
              + e.getMessage()
              + ")");
    } catch (Throwable t) {
      throw new FieldError("Cannot instantiate " + modelClass.getName() + ": " + t);
    }

    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = modelClass; c != Model.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    boolean declaredPk = false;
    List<java.lang.reflect.Field> javaFields = new ArrayList<>();
    for (Class<?> c : chain) {
      for (java.lang.reflect.Field jf : c.getDeclaredFields()) {
        if (Modifier.isStatic(jf.getModifiers()) || jf.isSynthetic()) {
          continue;
        }
        if (fieldAnnotation(jf) != null) {
          javaFields.add(jf);
          Annotation a = fieldAnnotation(jf);
          if (bool(a, "primaryKey", false)) {
            declaredPk = true;
          }
        }
      }
    }
    if (!declaredPk) {
      meta.fields.add(implicitId(meta, lookup));
    }
    for (java.lang.reflect.Field jf : javaFields) {
      meta.fields.add(buildField(meta, jf, lookup, prototype));
    }

    Meta effective = modelClass.getAnnotation(Meta.class);
    if (own != null) {
      meta.ordering.addAll(Arrays.asList(own.ordering()));
    } else if (effective != null) {
      meta.ordering.addAll(Arrays.asList(effective.ordering()));
    }
    String verbose =
        own != null && !own.verboseName().isEmpty()
            ? own.verboseName()
            : Names.verbose(
                Character.toLowerCase(meta.modelName().charAt(0)) + meta.modelName().substring(1));
    meta.verboseName = verbose;
    meta.dbTableComment = own == null ? "" : Names.checkComment(meta.label(), own.dbTableComment());
    meta.verboseNamePlural =
        own != null && !own.verboseNamePlural().isEmpty() ? own.verboseNamePlural() : verbose + "s";
    for (Class<?> c : chain) {
      Meta m = c.getDeclaredAnnotation(Meta.class);
      if (m == null) {
        continue;
      }
      if (!m.defaultManagerName().isEmpty()) {
        meta.defaultManagerName = m.defaultManagerName();
      }
      meta.sensitiveFields.addAll(Arrays.asList(m.sensitiveFields()));
      if (m.maxRelationDepth() >= 0) {
        meta.maxRelationDepth = m.maxRelationDepth();
      }
      for (Index ix : m.indexes()) {
        meta.indexes.add(new ModelMeta.IndexSpec(ix.name(), List.of(ix.fields())));
      }
      for (UniqueConstraint uc : m.uniqueConstraints()) {
        meta.uniqueConstraints.add(new ModelMeta.UniqueSpec(uc.name(), List.of(uc.fields())));
      }
      for (CheckConstraint cc : m.checkConstraints()) {
        meta.checkConstraints.add(new ModelMeta.CheckSpec(cc.name(), List.of(cc.check())));
      }
      for (UniqueTogether ut : m.uniqueTogether()) {
        meta.uniqueTogether.add(List.of(ut.value()));
      }
    }
    meta.finish();
    for (ModelMeta.IndexSpec ix : meta.indexes) {
      for (String name : ix.fields()) {
        meta.field(name.startsWith("-") ? name.substring(1) : name);
      }
    }
    for (Field f : meta.manyToManyFields()) {
      if (!f.relation().hasExplicitThrough()) {
        f.relation().setThrough(JoinModels.create(meta, f));
      }
    }
  }

  private static Field implicitId(ModelMeta meta, MethodHandles.Lookup lookup) {
    VarHandle handle;
    MethodHandle getter;
    MethodHandle setter;
    try {
      handle = MethodHandles.lookup().findVarHandle(Model.class, "id", Long.class);
      getter = MethodHandles.lookup().findGetter(Model.class, "id", Long.class);
      setter = MethodHandles.lookup().findSetter(Model.class, "id", Long.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return new Field(
        meta,
        "id",
        "id",
        "id",
        FieldKind.BIG_AUTO,
        Long.class,
        JoinModels.idOptions(),
        null,
        handle,
        getter,
        setter);
  }

  private static Annotation fieldAnnotation(java.lang.reflect.Field jf) {
    for (Annotation a : jf.getAnnotations()) {
      Class<? extends Annotation> type = a.annotationType();
      if (KINDS.containsKey(type)
          || type == ForeignKey.class
          || type == OneToOneField.class
          || type == ManyToManyField.class) {
        return a;
      }
    }
    return null;
  }

  private static Field buildField(
      ModelMeta meta, java.lang.reflect.Field jf, MethodHandles.Lookup lookup, Model prototype) {
    Annotation a = fieldAnnotation(jf);
    String name = jf.getName();
    if (name.contains("__") || name.equals("pk")) {
      throw new FieldError(
          meta.label() + "." + name + ": field names may not contain '__' or be 'pk'");
    }
    if (!Modifier.isPublic(jf.getModifiers())) {
      throw new FieldError(meta.label() + "." + name + " must be public to be a model field");
    }
    VarHandle handle;
    MethodHandle getter;
    MethodHandle setter;
    try {
      handle = lookup.unreflectVarHandle(jf);
      // Direct field handles for hydration: a handle derived from the VarHandle goes through its
      // access-mode checks on every call. A final field (a relation holder) has no setter.
      getter = lookup.unreflectGetter(jf);
      setter = Modifier.isFinal(jf.getModifiers()) ? null : lookup.unreflectSetter(jf);
    } catch (IllegalAccessException e) {
      throw new FieldError("Cannot access " + meta.label() + "." + name + ": " + e.getMessage());
    }
    Object initial = handle.get(prototype);
    List<io.vibevault.orm.model.Validator> validators = new ArrayList<>();
    for (Class<? extends io.vibevault.orm.model.Validator> v : validatorClasses(a)) {
      try {
        validators.add(v.getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new FieldError(
            "Validator " + v.getName() + " needs a public no-argument constructor");
      }
    }
    String dbColumn = string(a, "dbColumn", "");
    if (!dbColumn.isEmpty()) {
      DefinedModels.checkName(meta.label() + "." + name, dbColumn);
    }
    Class<? extends Annotation> type = a.annotationType();
    if (type == ForeignKey.class || type == OneToOneField.class) {
      if (jf.getType() != Ref.class) {
        throw new FieldError(meta.label() + "." + name + " must be declared as Ref<Target>");
      }
      if (!Modifier.isFinal(jf.getModifiers()) || initial == null) {
        throw new FieldError(
            meta.label()
                + "."
                + name
                + " must be 'public final Ref<T> "
                + name
                + " = new Ref<>()'");
      }
      boolean oneToOne = type == OneToOneField.class;
      Relation relation =
          new Relation(
              oneToOne ? Relation.Kind.ONE_TO_ONE : Relation.Kind.MANY_TO_ONE,
              meta,
              string(a, "to", ""),
              typeArgument(jf),
              (OnDelete) value(a, "onDelete", OnDelete.CASCADE),
              string(a, "relatedName", ""),
              string(a, "relatedQueryName", ""),
              string(a, "toField", ""),
              bool(a, "dbConstraint", true),
              null);
      String setValue = string(a, "onDeleteValue", "");
      relation.onDeleteValue = setValue.isEmpty() ? null : setValue;
      relation.onDeleteMethod = string(a, "onDeleteMethod", "");
      relation.limitChoicesTo = List.of(strings(a, "limitChoicesTo"));
      relation.limitChoicesToMethod = string(a, "limitChoicesToMethod", "");
      if (relation.onDelete() == OnDelete.SET_NULL && !bool(a, "nullable", false)) {
        throw new FieldError(meta.label() + "." + name + ": SET_NULL needs nullable = true");
      }
      Field.Options options =
          new Field.Options(
              bool(a, "nullable", false),
              bool(a, "blank", false),
              oneToOne,
              bool(a, "dbIndex", true),
              false,
              0,
              0,
              0,
              false,
              false,
              "",
              verbose(a, name),
              string(a, "helpText", ""),
              List.copyOf(validators),
              null,
              null,
              false,
              Names.checkComment(meta.label() + "." + name, string(a, "dbComment", "")));
      Field fk =
          new Field(
              meta,
              name,
              name + "Id",
              dbColumn.isEmpty() ? Names.snakeCase(name) + "_id" : dbColumn,
              null,
              jf.getType(),
              options,
              relation,
              handle,
              getter,
              setter);
      RelationOptions.validate(fk);
      return fk;
    }
    if (type == ManyToManyField.class) {
      if (jf.getType() != ManyToMany.class || initial == null) {
        throw new FieldError(
            meta.label()
                + "."
                + name
                + " must be 'public final ManyToMany<T> "
                + name
                + " = new ManyToMany<>()'");
      }
      String table = string(a, "dbTable", "");
      Relation relation =
          new Relation(
              Relation.Kind.MANY_TO_MANY,
              meta,
              string(a, "to", ""),
              typeArgument(jf),
              OnDelete.CASCADE,
              string(a, "relatedName", ""),
              string(a, "relatedQueryName", ""),
              "",
              true,
              table.isEmpty() ? meta.dbTable() + "_" + Names.snakeCase(name) : table);
      relation.throughReference = string(a, "through", "");
      relation.throughFields = List.of(strings(a, "throughFields"));
      relation.limitChoicesTo = List.of(strings(a, "limitChoicesTo"));
      relation.limitChoicesToMethod = string(a, "limitChoicesToMethod", "");
      if (!relation.throughReference.isEmpty() && !table.isEmpty()) {
        throw new FieldError(
            meta.label() + "." + name + ": dbTable does not apply with a through model");
      }
      if (!relation.throughFields.isEmpty() && relation.throughFields.size() != 2) {
        throw new FieldError(
            meta.label() + "." + name + ": throughFields names two fields: source, then target");
      }
      if (!relation.throughFields.isEmpty() && relation.throughReference.isEmpty()) {
        throw new FieldError(meta.label() + "." + name + ": throughFields needs a through model");
      }
      Field.Options options =
          new Field.Options(
              false,
              bool(a, "blank", false),
              false,
              false,
              false,
              0,
              0,
              0,
              false,
              false,
              "",
              verbose(a, name),
              string(a, "helpText", ""),
              List.of(),
              null,
              null,
              false,
              "");
      Field m2m =
          new Field(
              meta,
              name,
              name,
              null,
              null,
              jf.getType(),
              options,
              relation,
              handle,
              getter,
              setter);
      RelationOptions.validate(m2m);
      return m2m;
    }
    FieldKind kind = KINDS.get(type);
    Class<?> javaType = jf.getType();
    @SuppressWarnings("unchecked")
    Class<? extends Choices> choices =
        javaType.isEnum() && Choices.class.isAssignableFrom(javaType)
            ? (Class<? extends Choices>) javaType
            : null;
    boolean hasDefault = initial != null && !kind.isAuto();
    Field.Options options =
        new Field.Options(
            bool(a, "nullable", false),
            bool(a, "blank", false) || kind.isAuto(),
            bool(a, "unique", false),
            bool(a, "dbIndex", kind == FieldKind.SLUG),
            bool(a, "primaryKey", false),
            integer(a, "maxLength", 0),
            integer(a, "maxDigits", 0),
            integer(a, "decimalPlaces", 0),
            bool(a, "autoNow", false),
            bool(a, "autoNowAdd", false),
            string(a, "uploadTo", ""),
            verbose(a, name),
            string(a, "helpText", ""),
            List.copyOf(validators),
            choices,
            hasDefault ? initial : null,
            hasDefault,
            Names.checkComment(meta.label() + "." + name, string(a, "dbComment", "")));
    return new Field(
        meta,
        name,
        name,
        dbColumn.isEmpty() ? Names.snakeCase(name) : dbColumn,
        kind,
        javaType,
        options,
        null,
        handle,
        getter,
        setter);
  }

  private static Class<?> typeArgument(java.lang.reflect.Field jf) {
    Type generic = jf.getGenericType();
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Type arg = p.getActualTypeArguments()[0];
      if (arg instanceof Class<?> c) {
        return c;
      }
    }
    return null;
  }

  private static String verbose(Annotation a, String name) {
    String v = string(a, "verboseName", "");
    return v.isEmpty() ? Names.verbose(name) : v;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends io.vibevault.orm.model.Validator>[] validatorClasses(
      Annotation a) {
    Object v = value(a, "validators", null);
    return v == null ? new Class[0] : (Class<? extends io.vibevault.orm.model.Validator>[]) v;
  }

  private static String[] strings(Annotation a, String element) {
    Object v = value(a, element, null);
    return v == null ? new String[0] : (String[]) v;
  }

  private static boolean bool(Annotation a, String element, boolean otherwise) {
    return (Boolean) value(a, element, otherwise);
  }

  private static int integer(Annotation a, String element, int otherwise) {
    return (Integer) value(a, element, otherwise);
  }

  private static String string(Annotation a, String element, String otherwise) {
    return (String) value(a, element, otherwise);
  }

  private static Object value(Annotation a, String element, Object otherwise) {
    if (a == null) {
      return otherwise;
    }
    try {
      Method m = a.annotationType().getMethod(element);
      return m.invoke(a);
    } catch (NoSuchMethodException e) {
      return otherwise;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
