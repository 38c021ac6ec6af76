package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.NamedExpression;
import io.vibevault.orm.expr.aggregates.Aggregate;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point for queries on a model (Django's {@code Manager}), declared as a static field.
 * Every method starts from {@link #getQuerySet()}; override it to narrow what the manager sees, and
 * add methods for the domain's questions.
 *
 * <pre>{@code
 * public static final Manager<Memory> objects = Manager.of(Memory.class);
 *
 * public class AnalyzedMemoryManager extends Manager<Memory> {
 *   public AnalyzedMemoryManager() { super(Memory.class); }
 *   @Override public QuerySet<Memory> getQuerySet() { return super.getQuerySet().filter("analysisStatus", "done"); }
 *   public QuerySet<Memory> positiveSentiment() { return getQuerySet().filter("metricsJson__sentiment__label", "positive"); }
 *   public QuerySet<Memory> forUser(User user) { return getQuerySet().filter("user", user); }
 * }
 * }</pre>
 *
 * @param <T> the model
 */
public class Manager<T extends Model> {
  private final Class<T> model;

  protected Manager(Class<T> model) {
    this.model = model;
  }

  /** The plain manager of a model. */
  public static <T extends Model> Manager<T> of(Class<T> model) {
    return new Manager<>(model);
  }

  /** The model class. */
  public Class<T> model() {
    return model;
  }

  /** The QuerySet every other method starts from. */
  public QuerySet<T> getQuerySet() {
    ModelMeta meta = ModelMeta.of(model);
    return new QuerySet<>(model, meta, new Query(meta), null);
  }

  /** Manager classes whose getQuerySet() is this class's own (most: {@code Manager.of}). */
  private static final ClassValue<Boolean> PLAIN =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            return type.getMethod("getQuerySet").getDeclaringClass() == Manager.class;
          } catch (NoSuchMethodException e) {
            return false;
          }
        }
      };

  /**
   * {@link #getQuerySet()} for a method that makes exactly one chained call on it and returns the
   * result: when getQuerySet() is not overridden, the new QuerySet is nobody else's, so that call
   * edits it in place rather than copying a query nothing else will read (a manager's filter() is
   * then one query built, not two).
   */
  private QuerySet<T> forOneChainedCall() {
    return PLAIN.get(getClass()) ? getQuerySet().soleOwner() : getQuerySet();
  }

  public QuerySet<T> all() {
    return getQuerySet();
  }

  public QuerySet<T> filter(Object... conditions) {
    return forOneChainedCall().filter(conditions);
  }

  public QuerySet<T> filter(Map<String, ?> lookups) {
    return forOneChainedCall().filter(lookups);
  }

  public QuerySet<T> exclude(Object... conditions) {
    return forOneChainedCall().exclude(conditions);
  }

  public QuerySet<T> exclude(Map<String, ?> lookups) {
    return forOneChainedCall().exclude(lookups);
  }

  /** {@link QuerySet#prefetchRelated} on {@link #getQuerySet()}. */
  public QuerySet<T> prefetchRelated(Object... lookups) {
    return getQuerySet().prefetchRelated(lookups);
  }

  public T get(Object... conditions) {
    return getQuerySet().get(conditions);
  }

  public T create(Map<String, ?> values) {
    return getQuerySet().create(values);
  }

  public T create(Object... fieldsAndValues) {
    return getQuerySet().create(fieldsAndValues);
  }

  public GetOrCreateResult<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
    return getQuerySet().getOrCreate(lookup, defaults);
  }

  public GetOrCreateResult<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
    return getQuerySet().updateOrCreate(lookup, defaults);
  }

  public long count() {
    return getQuerySet().count();
  }

  public boolean exists() {
    return getQuerySet().exists();
  }

  public Optional<T> first() {
    return getQuerySet().first();
  }

  public Optional<T> last() {
    return getQuerySet().last();
  }

  public T latest(String... fields) {
    return getQuerySet().latest(fields);
  }

  public T earliest(String... fields) {
    return getQuerySet().earliest(fields);
  }

  public QuerySet<T> orderBy(Object... terms) {
    return forOneChainedCall().orderBy(terms);
  }

  public QuerySet<T> none() {
    return getQuerySet().none();
  }

  public QuerySet<T> selectRelated(String... paths) {
    return forOneChainedCall().selectRelated(paths);
  }

  public QuerySet<T> only(String... fields) {
    return getQuerySet().only(fields);
  }

  public QuerySet<T> defer(String... fields) {
    return getQuerySet().defer(fields);
  }

  public QuerySet<T> using(String alias) {
    return getQuerySet().using(alias);
  }

  public QuerySet<T> selectForUpdate() {
    return getQuerySet().selectForUpdate();
  }

  public QuerySet<T> distinct(String... fields) {
    return getQuerySet().distinct(fields);
  }

  /** {@link QuerySet#annotate(NamedExpression...)} on {@link #getQuerySet()}. */
  public QuerySet<T> annotate(NamedExpression... annotations) {
    return getQuerySet().annotate(annotations);
  }

  public QuerySet<T> annotate(Aggregate... aggregates) {
    return getQuerySet().annotate(aggregates);
  }

  public QuerySet<T> annotate(Map<String, ? extends Expression> annotations) {
    return getQuerySet().annotate(annotations);
  }

  /** {@link QuerySet#alias(NamedExpression...)} on {@link #getQuerySet()}. */
  public QuerySet<T> alias(NamedExpression... aliases) {
    return getQuerySet().alias(aliases);
  }

  /** {@link QuerySet#aggregate(NamedExpression...)} on {@link #getQuerySet()}. */
  public AggregateResult aggregate(NamedExpression... aggregates) {
    return getQuerySet().aggregate(aggregates);
  }

  public AggregateResult aggregate(Aggregate... aggregates) {
    return getQuerySet().aggregate(aggregates);
  }

  public AggregateResult aggregate(Map<String, ? extends Expression> aggregates) {
    return getQuerySet().aggregate(aggregates);
  }

  public ValuesQuerySet<Map<String, Object>> values(Object... fieldsAndExpressions) {
    return getQuerySet().values(fieldsAndExpressions);
  }

  public ValuesQuerySet<List<Object>> valuesList(Object... fieldsAndExpressions) {
    return getQuerySet().valuesList(fieldsAndExpressions);
  }

  public ValuesQuerySet<Map<String, Object>> values(String... paths) {
    return getQuerySet().values(paths);
  }

  public ValuesQuerySet<List<Object>> valuesList(String... paths) {
    return getQuerySet().valuesList(paths);
  }

  public Map<Object, T> inBulk(List<?> ids) {
    return getQuerySet().inBulk(ids);
  }

  public List<T> bulkCreate(List<T> objects) {
    return getQuerySet().bulkCreate(objects);
  }

  public List<T> bulkCreate(List<T> objects, int batchSize) {
    return getQuerySet().bulkCreate(objects, batchSize);
  }

  public List<T> bulkCreate(List<T> objects, BulkCreateOptions options) {
    return getQuerySet().bulkCreate(objects, options);
  }

  public long bulkUpdate(List<T> objects, String... fields) {
    return getQuerySet().bulkUpdate(objects, fields);
  }

  /** UPDATE every row (Django's {@code Memory.objects.update(...)}). */
  public long update(Map<String, ?> values) {
    return getQuerySet().update(values);
  }

  /** UPDATE every row with {@code field, value} pairs ({@code objects.update("status", "new")}). */
  public long update(Object... fieldsAndValues) {
    return getQuerySet().update(fieldsAndValues);
  }

  /** Model instances from raw SQL with {@code %s} placeholders, on the default database. */
  public RawQuerySet<T> raw(String sql, Object... params) {
    return RawQuerySet.of(model, sql, params, Database.DEFAULT);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + model.getSimpleName() + ")";
  }
}
