package io.vibevault.orm.query;

import io.vibevault.orm.NPlusOneGuard;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.execution.Hydrator;
import io.vibevault.orm.execution.RowReader;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.transaction.Transaction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lazy, chainable query over a model (Django's {@code QuerySet}). Each method returns a new
 * QuerySet; the database is asked only when rows are needed ({@link #list()}, iteration, {@link
 * #count()}, {@link #exists()}, {@link #get}, ...).
 *
 * <p>A subclass adds domain methods and can serve as a manager (Django's {@code as_manager()}); it
 * needs a constructor taking the QuerySet to copy:
 *
 * <pre>{@code
 * public class MemoryQuerySet extends QuerySet<Memory> {
 *   public MemoryQuerySet() { super(Memory.class); }
 *   public MemoryQuerySet(QuerySet<Memory> source) { super(source); }
 *   public MemoryQuerySet photos() { return (MemoryQuerySet) filter("mediaType", "photo"); }
 * }
 * public static final MemoryQuerySet objects = new MemoryQuerySet();
 *
 * Memory.objects.filter("userId", 1).exclude("analysisStatus", "pending").orderBy("-createdAt").slice(0, 20);
 * }</pre>
 *
 * @param <T> the model
 */
public class QuerySet<T extends Model> extends AbstractQuerySet<T, QuerySet<T>> {
  private static final Map<Class<?>, MethodHandle> COPY_CONSTRUCTORS = new ConcurrentHashMap<>();

  private final Class<T> model;

  /** Made by the public constructor: the root of a model's queries, usable as its manager. */
  private final boolean root;

  /** The prefetchRelated lookups, run after each evaluation. */
  private List<Prefetch> prefetches = List.of();

  /**
   * A QuerySet over every row of {@code model}. It may serve as the model's manager (a static
   * field): it never caches rows, while every QuerySet derived from it does.
   */
  public QuerySet(Class<T> model) {
    super(ModelMeta.of(model), new Query(ModelMeta.of(model)), null);
    this.model = model;
    this.root = true;
  }

  /** A copy of {@code source} (subclasses call this from their copy constructor). */
  protected QuerySet(QuerySet<T> source) {
    super(source.meta, source.query.copy(), source.alias);
    this.model = source.model;
    this.root = false;
    this.prefetches = source.prefetches;
  }

  QuerySet(Class<T> model, ModelMeta meta, Query query, String alias) {
    super(meta, query, alias);
    this.model = model;
    this.root = false;
  }

  @Override
  boolean cachesResults() {
    return !root;
  }

  /** The model class. */
  public Class<T> model() {
    return model;
  }

  @Override
  @SuppressWarnings("unchecked")
  QuerySet<T> copyWith(Query q) {
    if (getClass() == QuerySet.class) {
      QuerySet<T> copy = new QuerySet<>(model, meta, q, alias);
      copy.prefetches = prefetches;
      return copy;
    }
    MethodHandle ctor = COPY_CONSTRUCTORS.computeIfAbsent(getClass(), QuerySet::copyConstructor);
    try {
      QuerySet<T> copy = (QuerySet<T>) ctor.invoke(this);
      copy.query = q;
      return copy;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("Cannot copy " + getClass().getName(), t);
    }
  }

  private static MethodHandle copyConstructor(Class<?> type) {
    try {
      return MethodHandles.publicLookup()
          .findConstructor(type, MethodType.methodType(void.class, QuerySet.class))
          .asType(MethodType.methodType(Object.class, QuerySet.class));
    } catch (ReflectiveOperationException e) {
      throw new ArgumentError(
          type.getName()
              + " needs a public constructor "
              + type.getSimpleName()
              + "(QuerySet<...> source) { super(source); } so that chained calls keep its type");
    }
  }

  /** Readers of one shape, kept per model class and database in the shape's readers. */
  private record ReaderKey(Class<?> model, String db) {}

  @Override
  RowReader<T> reader(CompiledSelect select, Backend backend, String db) {
    if (select.readers() == null) {
      return modelReader(select, backend, db);
    }
    return select
        .readers()
        .computeIfAbsent(new ReaderKey(model, db), k -> modelReader(select, backend, db));
  }

  private RowReader<T> modelReader(CompiledSelect select, Backend backend, String db) {
    RowReader<Model> r = Hydrator.models(meta, select, backend.operations(), db);
    Class<T> type = model;
    return rs -> type.cast(r.read(rs));
  }

  /**
   * The rows of list() join the N+1 guard's shared token as they are read, while each is at hand,
   * rather than in a second pass over the list.
   */
  @Override
  RowReader<T> listReader(CompiledSelect select, Backend backend, String db) {
    RowReader<T> rows = reader(select, backend, db);
    if (NPlusOneGuard.mode() == NPlusOneGuard.Mode.OFF) {
      return rows;
    }
    LazyLoads.Evaluation evaluation = new LazyLoads.Evaluation(query.hasSelectRelated());
    return rs -> {
      T row = rows.read(rs);
      evaluation.add(row);
      return row;
    };
  }

  // ------------------------------------------------------------------ prefetchRelated

  /**
   * After the rows are read, loads the named relations of all of them with one more query per level
   * (Django's {@code prefetch_related}): forward and reverse foreign keys and one-to-ones,
   * many-to-many both ways, nested paths ({@code "memories__tags"}) and {@link Prefetch} objects
   * with a custom QuerySet and toAttr. Read the results with {@code memory.tags.all()} / {@code
   * memory.user.get()} (no query) or {@code user.prefetched("memories")}. Unknown names are a
   * FieldError here, before any SQL. {@code prefetchRelated((Object) null)} clears the lookups.
   *
   * <pre>{@code
   * for (User u : User.objects.prefetchRelated("memories__tags")) {
   *   for (Memory m : u.<Memory>prefetched("memories")) {
   *     m.tags.list();   // no query
   *   }
   * }
   * }</pre>
   */
  public QuerySet<T> prefetchRelated(Object... lookups) {
    List<Prefetch> next =
        lookups.length == 1 && lookups[0] == null
            ? List.of()
            : Prefetcher.add(meta, prefetches, lookups);
    QuerySet<T> copy = chain(q -> {});
    copy.prefetches = next;
    return copy;
  }

  @Override
  void afterFetch(List<T> rows) {
    if (!prefetches.isEmpty()) {
      Prefetcher.prefetch(rows, prefetches, db());
    }
  }

  /** As {@link AbstractQuerySet#iterator(int)}; prefetchRelated runs once per chunk of rows. */
  @Override
  public ResultIterator<T> iterator(int chunkSize) {
    ResultIterator<T> rows = shared(super.iterator(chunkSize), query.hasSelectRelated());
    if (prefetches.isEmpty()) {
      return rows;
    }
    List<Prefetch> lookups = prefetches;
    String db = db();
    return Prefetcher.perChunk(rows, chunkSize, chunk -> Prefetcher.prefetch(chunk, lookups, db));
  }

  /** Streamed rows share one N+1 guard token, as the rows of list() do. */
  private static <T extends Model> ResultIterator<T> shared(
      ResultIterator<T> source, boolean selectRelated) {
    return new ResultIterator<>() {
      private final LazyLoads.Evaluation evaluation = new LazyLoads.Evaluation(selectRelated);

      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public T next() {
        T row = source.next();
        evaluation.join(row);
        return row;
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }

  // ------------------------------------------------------------------ single objects

  /** The one row matching the conditions; ObjectDoesNotExist or MultipleObjectsReturned. */
  public T get(Object... conditions) {
    return single(conditions, model);
  }

  /** Creates and saves an object from field values. */
  public T create(Map<String, ?> values) {
    T obj = newObject(values);
    ModelOperations.insertUsing(obj, db());
    return obj;
  }

  /** Creates and saves an object from {@code field, value} pairs. */
  public T create(Object... fieldsAndValues) {
    return create(pairs(fieldsAndValues));
  }

  /**
   * A new unsaved instance with the given field values (relations by object or id). As Django's
   * constructor does, a non-nullable String text field that is neither given nor initialised starts
   * as {@code ""}.
   */
  public T newObject(Map<String, ?> values) {
    T obj = model.cast(io.vibevault.orm.model.ModelInternals.newInstance(meta));
    for (Field f : meta.concreteFields()) {
      if (f.javaType() == String.class
          && f.kind().isText()
          && !f.isNullable()
          && f.get(obj) == null
          && !values.containsKey(f.name())) {
        f.set(obj, "");
      }
    }
    ModelOperations.assign(obj, values);
    return obj;
  }

  /**
   * The object matching {@code lookup}, or a new one made from {@code lookup} (plain fields only)
   * and {@code defaults}. Runs in a transaction and retries the get after a concurrent insert.
   */
  public GetOrCreateResult<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
    try {
      return new GetOrCreateResult<>(get(lookup), false);
    } catch (ObjectDoesNotExist missing) {
      Map<String, Object> params = createParams(lookup, defaults);
      try {
        T created = Transaction.using(db()).call(() -> create(params));
        return new GetOrCreateResult<>(created, true);
      } catch (IntegrityError e) {
        try {
          return new GetOrCreateResult<>(get(lookup), false);
        } catch (ObjectDoesNotExist stillMissing) {
          throw e;
        }
      }
    }
  }

  /** Updates the object matching {@code lookup} with {@code defaults}, or creates it. */
  public GetOrCreateResult<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
    return Transaction.using(db())
        .call(
            () -> {
              List<T> found =
                  filter(lookup).selectForUpdateIfSupported().orderBy().slice(0, 2).list();
              if (found.size() > 1) {
                throw new MultipleObjectsReturned(
                    model, "get() returned more than one " + meta.modelName());
              }
              if (found.isEmpty()) {
                return getOrCreate(lookup, defaults);
              }
              T obj = found.get(0);
              ModelOperations.assign(obj, defaults);
              obj.save();
              return new GetOrCreateResult<>(obj, false);
            });
  }

  private QuerySet<T> selectForUpdateIfSupported() {
    return selectForUpdate();
  }

  private Map<String, Object> createParams(Map<String, ?> lookup, Map<String, ?> defaults) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : lookup.entrySet()) {
      if (!e.getKey().contains("__")) {
        params.put(e.getKey(), e.getValue());
      }
    }
    params.putAll(defaults);
    for (String name : params.keySet()) {
      if (meta.findField(name) == null) {
        throw new FieldError(
            "Invalid field name(s) for model " + meta.modelName() + ": " + FieldError.quote(name));
      }
    }
    return params;
  }

  /** The newest row by {@code fields} (or the first ordering field). */
  public T latest(String... fields) {
    return byDate(fields, true);
  }

  /** The oldest row by {@code fields}. */
  public T earliest(String... fields) {
    return byDate(fields, false);
  }

  private T byDate(String[] fields, boolean latest) {
    if (query.isSliced()) {
      throw new ArgumentError("Cannot change a query once a slice has been taken.");
    }
    if (fields.length == 0) {
      throw new ArgumentError("latest() and earliest() need a field name (no get_latest_by here)");
    }
    // The names are validated as written ("--x" stays an error); latest() reverses the ordering
    // instead of editing the names, and one row is fetched, as Django does.
    QuerySet<T> ordered = orderBy((Object[]) fields);
    return (latest ? ordered.reverse() : ordered).slice(0, 1).get();
  }

  /** Whether {@code obj} is one of this QuerySet's rows. */
  public boolean contains(T obj) {
    notSupportedAfterCombinator("contains");
    if (obj == null || obj.pk() == null) {
      throw new ArgumentError("contains() cannot be used on unsaved objects.");
    }
    if (!model.isInstance(obj)) {
      return false;
    }
    if (isEvaluated()) {
      return list().contains(obj);
    }
    return filter("pk", obj.pk()).exists();
  }

  /** Rows by primary key, as a map from key to object (missing keys absent). */
  public Map<Object, T> inBulk(List<?> ids) {
    return inBulk(ids, "pk");
  }

  /** Rows whose unique {@code field} is in {@code values}, keyed by that field. */
  public Map<Object, T> inBulk(List<?> values, String field) {
    if (query.isSliced()) {
      throw new ArgumentError("Cannot use 'limit' or 'offset' with in_bulk().");
    }
    Field f = meta.field(field);
    Map<Object, T> out = new LinkedHashMap<>();
    if (values.isEmpty()) {
      return out;
    }
    for (T obj : filter(field + "__in", values).orderBy().list()) {
      out.put(f.get(obj), obj);
    }
    return out;
  }

  /** Every row keyed by primary key. */
  public Map<Object, T> inBulk() {
    Map<Object, T> out = new LinkedHashMap<>();
    for (T obj : list()) {
      out.put(obj.pk(), obj);
    }
    return out;
  }

  // ------------------------------------------------------------------ shapes

  /**
   * Rows as maps of the named paths (every concrete field by attname when none, except the model's
   * sensitive fields).
   */
  public ValuesQuerySet<Map<String, Object>> values(String... paths) {
    return valuesShape((Object[]) paths, ValuesQuerySet.Shape.MAP);
  }

  /** Rows as lists of the named paths. */
  public ValuesQuerySet<List<Object>> valuesList(String... paths) {
    return valuesShape((Object[]) paths, ValuesQuerySet.Shape.LIST);
  }

  /**
   * Rows as maps of field paths and named expressions ({@code values("id",
   * Lower.of("title").as("lowerTitle"))}); expressions come after the paths, as Django's keyword
   * arguments do.
   */
  public ValuesQuerySet<Map<String, Object>> values(Object... fieldsAndExpressions) {
    return valuesShape(fieldsAndExpressions, ValuesQuerySet.Shape.MAP);
  }

  /** Rows as lists of field paths and named expressions. */
  public ValuesQuerySet<List<Object>> valuesList(Object... fieldsAndExpressions) {
    return valuesShape(fieldsAndExpressions, ValuesQuerySet.Shape.LIST);
  }

  private <R> ValuesQuerySet<R> valuesShape(Object[] items, ValuesQuerySet.Shape shape) {
    return ValuesQuerySet.of(meta, query, alias, items, shape);
  }

  /**
   * Loads the named forward relations ({@code "user"}, {@code "user__profile"}) in the same SELECT,
   * so {@code memory.user.get()} answers without a query; with no names, every non-null foreign
   * key, recursively (five levels at most). A name that is not a foreign key or one-to-one is a
   * FieldError at once. values() and valuesList() ignore it.
   */
  public QuerySet<T> selectRelated(String... paths) {
    notSupportedAfterCombinator("selectRelated");
    if (paths.length == 0) {
      return chain(Query::setSelectRelatedAll);
    }
    List<String> list = List.of(paths);
    return chain(q -> q.addSelectRelated(list));
  }

  /** Loads only these fields (plus the primary key); the rest are deferred. */
  public QuerySet<T> only(String... fields) {
    notSupportedAfterCombinator("only");
    List<String> list = List.of(fields);
    return chain(q -> q.setOnly(list));
  }

  /** Leaves these fields out of the SELECT; {@code defer()} with none clears deferral. */
  public QuerySet<T> defer(String... fields) {
    notSupportedAfterCombinator("defer");
    if (fields.length == 0) {
      return chain(Query::clearDeferred);
    }
    List<String> list = List.of(fields);
    return chain(q -> q.addDeferred(list));
  }

  // ------------------------------------------------------------------ writes

  /** UPDATE every matching row; values may be expressions ({@code F.of("x").plus(1)}). */
  public long update(Map<String, ?> values) {
    notSupportedAfterCombinator("update");
    return ModelOperations.update(meta, query, db(), values);
  }

  /** UPDATE with {@code field, value} pairs. */
  public long update(Object... fieldsAndValues) {
    return update(pairs(fieldsAndValues));
  }

  /** Deletes every matching row and what cascades from them. */
  public DeleteResult delete() {
    notSupportedAfterCombinator("delete");
    if (query.isSliced()) {
      throw new ArgumentError("Cannot use 'limit' or 'offset' with delete().");
    }
    return Collector.delete(meta, query, db());
  }

  /**
   * Inserts many objects in as few statements as the backend allows; primary keys are set on the
   * objects on every backend. Sends no signals and does not call save().
   */
  public List<T> bulkCreate(List<T> objects) {
    return BulkOperations.bulkCreate(this, objects, BulkCreateOptions.defaults());
  }

  public List<T> bulkCreate(List<T> objects, int batchSize) {
    return BulkOperations.bulkCreate(
        this, objects, BulkCreateOptions.defaults().batchSize(batchSize));
  }

  public List<T> bulkCreate(List<T> objects, BulkCreateOptions options) {
    return BulkOperations.bulkCreate(this, objects, options);
  }

  /**
   * Updates the named fields of many saved objects: one JDBC batch of UPDATEs by primary key. No
   * signals.
   */
  public long bulkUpdate(List<T> objects, String... fields) {
    return BulkOperations.bulkUpdate(this, objects, List.of(fields), 0);
  }

  public long bulkUpdate(List<T> objects, int batchSize, String... fields) {
    return BulkOperations.bulkUpdate(this, objects, List.of(fields), batchSize);
  }

  static Map<String, Object> pairs(Object[] fieldsAndValues) {
    if (fieldsAndValues.length % 2 != 0) {
      throw new ArgumentError("Expected field, value pairs; got an odd number of arguments");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      if (!(fieldsAndValues[i] instanceof String key)) {
        throw new ArgumentError("Field names must be strings, got " + fieldsAndValues[i]);
      }
      map.put(key, fieldsAndValues[i + 1]);
    }
    return map;
  }
}
