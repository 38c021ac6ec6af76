package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Signals;
import io.vibevault.orm.sql.Filter;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.UpdateCache;
import io.vibevault.orm.sql.WriteCompiler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What model instances ask of the database: save (insert or update), delete, refresh, loading a
 * forward relation, and many-to-many changes. Called by {@link Model}, {@link
 * io.vibevault.orm.model.Ref} and {@link io.vibevault.orm.model.ManyToMany}; not API.
 */
public final class ModelOperations {
  private ModelOperations() {}

  /** Sets field values from a map: plain fields, relations by object or id, attnames. */
  public static void assign(Model obj, Map<String, ?> values) {
    ModelMeta meta = obj.meta();
    ModelInternals.bindRelations(obj);
    for (Map.Entry<String, ?> e : values.entrySet()) {
      Field f = meta.findField(e.getKey());
      if (f == null || !f.isConcrete()) {
        throw new FieldError(
            meta.modelName()
                + " has no field named "
                + FieldError.quote(e.getKey())
                + "; choices: "
                + String.join(", ", meta.fieldChoices()));
      }
      Object v = e.getValue();
      if (f.isRelation() && e.getKey().equals(f.name()) && v instanceof Model m) {
        setRelated(obj, f, m);
      } else if (f.isRelation()) {
        f.set(obj, v == null ? null : f.fromNeutral(f.toNeutral(v)));
      } else {
        f.set(obj, v == null ? null : f.fromNeutral(f.toNeutral(v)));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setRelated(Model obj, Field f, Model related) {
    f.checkTarget(related);
    ModelInternals.setRelatedLoaded(obj, f, related);
    Object id = related.pk() == null ? null : f.relation().targetField().get(related);
    f.set(obj, id);
    ModelInternals.setRelatedLoaded(obj, f, related);
  }

  // ------------------------------------------------------------------ save

  public static void save(Model obj, Set<String> updateFields, boolean forceInsert) {
    String db = obj.db() == null ? Database.DEFAULT : obj.db();
    saveUsing(obj, updateFields, forceInsert, db);
  }

  /** create(): always an INSERT on {@code db}. */
  static void insertUsing(Model obj, String db) {
    saveUsing(obj, null, true, db);
  }

  private static void saveUsing(
      Model obj, Set<String> updateFields, boolean forceInsert, String db) {
    ModelMeta meta = obj.meta();
    ModelInternals.bindRelations(obj);
    if (updateFields != null) {
      if (updateFields.isEmpty()) {
        return;
      }
      for (String name : updateFields) {
        Field f = meta.findField(name);
        if (f == null || !f.isConcrete() || f.isPrimaryKey()) {
          throw new ArgumentError(
              "The following fields do not exist in this model, are m2m fields, or are non-concrete"
                  + " fields: "
                  + name);
        }
      }
    }
    checkUnsavedRelations(obj, meta);
    if (updateFields != null && meta.pk().get(obj) == null) {
      throw new ArgumentError("Cannot force an update in save() with no primary key.");
    }
    boolean adding = ModelInternals.isAdding(obj);
    Signals.sendPreSave(obj, adding, db);
    DatabaseConnection connection = Database.connection(db);
    Field pk = meta.pk();
    Object pkValue = pk.get(obj);
    boolean updated = false;
    // save(fields...) is always an UPDATE, as in Django: it never inserts a row.
    if (!forceInsert
        && pkValue != null
        && (!adding || !pk.kind().isAuto() || updateFields != null)) {
      List<Field> fields = fieldsToUpdate(obj, meta, updateFields);
      applyAutoNow(obj, fields, false);
      if (fields.isEmpty()) {
        updated =
            new QuerySet<>(meta.modelClass(), meta, new Query(meta), db)
                .filter("pk", pkValue)
                .exists();
      } else {
        updated = updateRow(connection, obj, meta, fields, pkValue) > 0;
      }
      if (!updated && updateFields != null) {
        throw new DatabaseError("Save with update_fields did not affect any rows.", null);
      }
    }
    if (!updated) {
      insertRow(connection, obj, meta);
    }
    ModelInternals.markSaved(obj, connection.alias().equals(db) ? db : db);
    Signals.sendPostSave(obj, !updated, db);
  }

  private static void checkUnsavedRelations(Model obj, ModelMeta meta) {
    for (Field f : meta.relationFields()) {
      if (!f.isConcrete()) {
        continue;
      }
      Model related = ModelInternals.cachedRelated(obj, f);
      if (related != null) {
        if (related.pk() == null) {
          throw new ValidationError(
              f.name(),
              "save() prohibited to prevent data loss due to unsaved related object '"
                  + f.name()
                  + "'.");
        }
        f.set(obj, f.relation().targetField().get(related));
        ModelInternals.setRelatedLoaded(obj, f, related);
      }
    }
  }

  private static List<Field> fieldsToUpdate(Model obj, ModelMeta meta, Set<String> updateFields) {
    List<Field> out = new ArrayList<>();
    Set<String> deferred = ModelInternals.deferred(obj);
    for (Field f : meta.concreteFields()) {
      if (f.isPrimaryKey()) {
        continue;
      }
      if (updateFields != null) {
        if (updateFields.contains(f.name()) || updateFields.contains(f.attname())) {
          out.add(f);
        }
      } else if (!deferred.contains(f.attname())) {
        out.add(f);
      }
    }
    return out;
  }

  private static void applyAutoNow(Model obj, List<Field> fields, boolean adding) {
    for (Field f : fields) {
      if (f.isAutoNow() || (adding && f.isAutoNowAdd() && f.get(obj) == null)) {
        f.set(obj, f.fromNeutral(f.toNeutral(now(f))));
      }
    }
  }

  private static Object now(Field f) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return switch (f.kind()) {
      case DATE -> LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
      default -> now;
    };
  }

  /**
   * Checks a value for its field before it is written (type, max length), as Django's forms would.
   */
  static Object writeValue(Field f, Object value) {
    Object neutral = f.toNeutral(value);
    // A string no longer in chars than the limit is within it in code points: no count needed.
    if (neutral instanceof String s
        && f.maxLength() > 0
        && s.length() > f.maxLength()
        && s.codePointCount(0, s.length()) > f.maxLength()) {
      throw new ValidationError(
          f.name(),
          "Ensure "
              + f.model().modelName()
              + "."
              + f.name()
              + " has at most "
              + f.maxLength()
              + " characters (it has "
              + s.codePointCount(0, s.length())
              + ").");
    }
    if (neutral == null && !f.isNullable() && !(f.kind() != null && f.kind().isAuto())) {
      throw new io.vibevault.orm.exception.IntegrityError(
          "NOT NULL constraint failed: " + f.model().dbTable() + "." + f.column(), null);
    }
    return neutral;
  }

  private static int updateRow(
      DatabaseConnection connection,
      Model obj,
      ModelMeta meta,
      List<Field> fields,
      Object pkValue) {
    Backend backend = connection.backend();
    Query q = new Query(meta);
    q.addFilter(new Filter.Leaf("pk", pkValue));
    List<WriteCompiler.Assignment> sets = new ArrayList<>();
    for (Field f : fields) {
      sets.add(new WriteCompiler.Assignment(f, writeValue(f, f.get(obj))));
    }
    Fragment sql = UpdateCache.compileUpdate(q, sets, backend.operations(), backend.features());
    return connection.execute(sql.sql(), sql.params());
  }

  private static void insertRow(DatabaseConnection connection, Model obj, ModelMeta meta) {
    Backend backend = connection.backend();
    Field pk = meta.pk();
    List<Field> fields = new ArrayList<>();
    for (Field f : meta.concreteFields()) {
      if (f == pk && pk.kind().isAuto() && pk.get(obj) == null) {
        continue;
      }
      fields.add(f);
    }
    applyAutoNow(obj, fields, true);
    List<Object> row = new ArrayList<>();
    for (Field f : fields) {
      row.add(writeValue(f, f.get(obj)));
    }
    boolean needPk = pk.get(obj) == null;
    List<Field> returning = needPk ? List.of(pk) : List.of();
    Fragment sql =
        new WriteCompiler(backend.operations(), backend.features())
            .insert(meta, fields, List.of(row), returning, null, 0)
            .get(0);
    if (!needPk) {
      connection.execute(sql.sql(), sql.params());
      return;
    }
    boolean returningClause = backend.features().canReturnRowsFromInsert();
    List<Object> keys =
        connection.insert(
            sql.sql(),
            sql.params(),
            returningClause,
            new String[] {pk.column()},
            rs -> backend.operations().read(rs, 1, pk.kind()));
    if (!keys.isEmpty()) {
      pk.set(obj, pk.fromNeutral(keys.get(0)));
    }
  }

  // ------------------------------------------------------------------ QuerySet.update

  /**
   * UPDATE the rows of {@code query} over {@code meta} on {@code db}; values may be expressions,
   * and a relation takes an id, a model instance or a row map.
   */
  static long update(ModelMeta meta, Query query, String db, Map<String, ?> values) {
    if (query.isSliced()) {
      throw new ArgumentError("Cannot update a query once a slice has been taken.");
    }
    if (values.isEmpty()) {
      throw new ArgumentError("update() needs at least one field");
    }
    DatabaseConnection connection = Database.connection(db);
    Backend backend = connection.backend();
    Query q = query.copy();
    List<WriteCompiler.Assignment> sets = new ArrayList<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      Field f = meta.findField(e.getKey());
      if (f == null || !f.isConcrete()) {
        throw new FieldError(
            "Cannot update model field "
                + FieldError.quote(e.getKey())
                + " of "
                + meta.label()
                + " (only concrete fields are permitted)");
      }
      Object v = e.getValue();
      if (v instanceof Expression ex) {
        sets.add(new WriteCompiler.Assignment(f, q.resolveUpdateValue(e.getKey(), ex)));
      } else {
        if (f.isRelation()) {
          v = Rows.relationValue(f, v);
        }
        sets.add(new WriteCompiler.Assignment(f, writeValue(f, v)));
      }
    }
    Fragment sql;
    try {
      sql = UpdateCache.compileUpdate(q, sets, backend.operations(), backend.features());
    } catch (EmptyResultSet empty) {
      return 0;
    }
    return connection.execute(sql.sql(), sql.params());
  }

  // ------------------------------------------------------------------ delete and refresh

  public static DeleteResult delete(Model obj) {
    if (obj.pk() == null) {
      throw new ArgumentError(
          obj.meta().modelName()
              + " object can't be deleted because its id attribute is set to None.");
    }
    return Collector.deleteObjects(
        obj.meta(), List.of(obj), obj.db() == null ? Database.DEFAULT : obj.db());
  }

  public static void refreshFromDb(Model obj, List<String> fields) {
    ModelMeta meta = obj.meta();
    String db = obj.db() == null ? Database.DEFAULT : obj.db();
    QuerySet<? extends Model> qs =
        new QuerySet<>(meta.modelClass(), meta, new Query(meta), db).filter("pk", obj.pk());
    List<String> names = new ArrayList<>();
    if (!fields.isEmpty()) {
      for (String name : fields) {
        names.add(meta.field(name).attname());
      }
      qs = qs.only(fields.toArray(new String[0]));
    } else {
      Set<String> deferred = ModelInternals.deferred(obj);
      List<String> loaded = new ArrayList<>();
      for (Field f : meta.concreteFields()) {
        if (!deferred.contains(f.attname())) {
          loaded.add(f.name());
          names.add(f.attname());
        }
      }
      qs = qs.only(loaded.toArray(new String[0]));
    }
    List<? extends Model> rows = qs.orderBy().list();
    if (rows.isEmpty()) {
      throw new ObjectDoesNotExist(
          meta.modelClass(), meta.modelName() + " matching query does not exist.");
    }
    Model fresh = rows.get(0);
    for (Field f : meta.concreteFields()) {
      if (names.contains(f.attname())) {
        f.set(obj, f.get(fresh));
      }
    }
    ModelInternals.undefer(obj, names);
    ModelInternals.bindRelations(obj);
    ModelInternals.clearReverseOne(obj); // Django clears cached reverse relations too
  }

  /**
   * Whether the object {@code value} names exists among the choices of the relation {@code field}
   * (its target's base manager, narrowed by limitChoicesTo): fullClean's check (Django's
   * ForeignKey.validate).
   */
  public static boolean relatedChoiceExists(Model owner, Field field, Object value) {
    ModelMeta target = field.relation().target();
    String db = owner.db() == null ? Database.DEFAULT : owner.db();
    return new QuerySet<>(target.modelClass(), target, new Query(target), db)
        .filter(field.relation().targetField().name(), value)
        .filter(field.relation().limitChoicesTo())
        .exists();
  }

  /** Loads the target of a forward relation (Ref.get()). */
  public static Model fetchRelated(Model owner, Field field, Object id) {
    LazyLoads.record(owner, field.name(), true);
    ModelMeta target = field.relation().target();
    String db = owner.db() == null ? Database.DEFAULT : owner.db();
    return new QuerySet<>(target.modelClass(), target, new Query(target), db)
        .get(field.relation().targetField().name(), id);
  }

  // ------------------------------------------------------------------ reverse relations

  /** {@link Model#related(Class, String)}. */
  public static <R extends Model> RelatedManager<R> related(
      Model owner, Class<R> model, String name) {
    return RelatedManager.of(owner, model, name);
  }

  /** {@link Model#relatedOne(Class, String)}. */
  public static <R extends Model> R relatedOne(Model owner, Class<R> model, String name) {
    return ReverseAccess.one(owner, model, name);
  }

  // ------------------------------------------------------------------ many-to-many

  /**
   * Tells the N+1 guard that {@code owner} is about to query {@code relation} on its own (a
   * many-to-many or reverse relation that was not prefetched): past the threshold it warns with
   * {@code prefetchRelated("relation")} as the fix, or raises NPlusOneError in strict mode.
   */
  public static void lazyLoad(Model owner, String relation) {
    LazyLoads.record(owner, relation, false);
  }

  @SuppressWarnings("unchecked")
  public static <T extends Model> QuerySet<T> m2mQuerySet(Model owner, Field field) {
    return (QuerySet<T>) ManyToManyOperations.querySet(owner, field);
  }

  public static void m2mAdd(Model owner, Field field, List<Object> objects) {
    ManyToManyOperations.add(owner, field, objects);
  }

  public static void m2mAdd(
      Model owner, Field field, List<Object> objects, Map<String, ?> throughDefaults) {
    ManyToManyOperations.add(
        owner, ManyToManyOperations.Side.forward(field), objects, throughDefaults);
  }

  @SuppressWarnings("unchecked")
  public static <T extends Model> T m2mCreate(
      Model owner, Field field, Map<String, ?> values, Map<String, ?> throughDefaults) {
    return (T)
        ManyToManyOperations.create(
            owner, ManyToManyOperations.Side.forward(field), values, throughDefaults);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T extends Model> GetOrCreateResult<T> m2mGetOrCreate(
      Model owner,
      Field field,
      Map<String, ?> lookup,
      Map<String, ?> defaults,
      Map<String, ?> throughDefaults) {
    return (GetOrCreateResult)
        ManyToManyOperations.getOrCreate(
            owner, ManyToManyOperations.Side.forward(field), lookup, defaults, throughDefaults);
  }

  public static void m2mRemove(Model owner, Field field, List<Object> objects) {
    ManyToManyOperations.remove(owner, field, objects);
  }

  public static void m2mClear(Model owner, Field field) {
    ManyToManyOperations.clear(owner, field);
  }

  public static void m2mSet(
      Model owner, Field field, List<?> objects, Map<String, ?> throughDefaults) {
    ManyToManyOperations.set(
        owner, ManyToManyOperations.Side.forward(field), objects, throughDefaults);
  }
}
