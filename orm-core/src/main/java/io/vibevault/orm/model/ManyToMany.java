package io.vibevault.orm.model;

import io.vibevault.orm.query.GetOrCreateResult;
import io.vibevault.orm.query.ModelOperations;
import io.vibevault.orm.query.Prefetcher;
import io.vibevault.orm.query.QuerySet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The holder of a many-to-many relation on a saved object. Reads are QuerySets ({@link #all()});
 * {@link #add}, {@link #remove}, {@link #clear} and {@link #set} change the join table at once.
 *
 * <pre>{@code
 * memory.tags.add(work, travel);
 * List<Tag> tags = memory.tags.all().list();
 *
 * // After Memory.objects.prefetchRelated("tags"): all() / list() answer without a query.
 * List<Tag> prefetched = memory.tags.list();
 * }</pre>
 *
 * @param <T> the target model
 */
public final class ManyToMany<T extends Model> {
  private Model owner;
  private Field field;

  public ManyToMany() {}

  /**
   * The related objects, as a lazy QuerySet. After {@code prefetchRelated("tags")} it is already
   * evaluated: {@code list()}, iteration, {@code count()} and {@code exists()} answer from the
   * prefetched rows without a query, while any further {@code filter()}, {@code orderBy()}, ...
   * queries the database (Django's semantics).
   */
  public QuerySet<T> all() {
    Model o = requireOwner();
    List<? extends Model> cached = o.state().prefetchedLists().get(field.name());
    if (cached == null) {
      ModelOperations.lazyLoad(o, field.name());
    }
    QuerySet<T> qs = ModelOperations.<T>m2mQuerySet(o, field);
    return cached == null ? qs : Prefetcher.cached(qs, cached);
  }

  /**
   * The related objects as a list: the prefetched ones without a query, else {@code all().list()}.
   */
  public List<T> list() {
    return all().list();
  }

  /** Whether {@code prefetchRelated} loaded this relation, so {@link #all()} needs no query. */
  public boolean isPrefetched() {
    return owner != null && owner.state().prefetchedLists().containsKey(field.name());
  }

  private Model changing() {
    Model o = requireOwner();
    o.state().prefetchedLists().remove(field.name());
    return o;
  }

  /** Links the given objects (or primary keys); existing links are left alone. */
  @SafeVarargs
  public final void add(T... objects) {
    ModelOperations.m2mAdd(changing(), field, Arrays.asList((Object[]) objects));
  }

  /**
   * Links the given objects through an explicit through model, each new link row made from {@code
   * throughDefaults} (its extra fields; Django's {@code through_defaults}).
   *
   * <pre>{@code
   * memory.tags.add(Map.of("weight", 3), work);
   * }</pre>
   */
  @SafeVarargs
  public final void add(Map<String, ?> throughDefaults, T... objects) {
    ModelOperations.m2mAdd(changing(), field, Arrays.asList((Object[]) objects), throughDefaults);
  }

  /** Links objects by primary key. */
  public void addIds(Object... ids) {
    ModelOperations.m2mAdd(changing(), field, Arrays.asList(ids));
  }

  /** Creates a target object from field values and links it, in one transaction. */
  public T create(Map<String, ?> values) {
    return create(values, Map.of());
  }

  /**
   * Creates a target object and links it, the link row (through model) made from throughDefaults.
   */
  public T create(Map<String, ?> values, Map<String, ?> throughDefaults) {
    return ModelOperations.m2mCreate(changing(), field, values, throughDefaults);
  }

  /**
   * The linked object matching {@code lookup}, or a new one made from {@code lookup} and {@code
   * defaults} and linked (as Django, the lookup runs over the linked objects only).
   */
  public GetOrCreateResult<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
    return getOrCreate(lookup, defaults, Map.of());
  }

  /** getOrCreate whose new link, a row of the through model, is made from throughDefaults. */
  public GetOrCreateResult<T> getOrCreate(
      Map<String, ?> lookup, Map<String, ?> defaults, Map<String, ?> throughDefaults) {
    return ModelOperations.m2mGetOrCreate(changing(), field, lookup, defaults, throughDefaults);
  }

  /** Unlinks the given objects. */
  @SafeVarargs
  public final void remove(T... objects) {
    ModelOperations.m2mRemove(changing(), field, Arrays.asList((Object[]) objects));
  }

  /** Unlinks every object. */
  public void clear() {
    ModelOperations.m2mClear(changing(), field);
  }

  /** Makes the links exactly the given objects. */
  public void set(List<T> objects) {
    set(objects, Map.of());
  }

  /** Makes the links exactly the given objects; new link rows are made from throughDefaults. */
  public void set(List<T> objects, Map<String, ?> throughDefaults) {
    ModelOperations.m2mSet(changing(), field, List.copyOf(objects), throughDefaults);
  }

  void bind(Model owner, Field field) {
    this.owner = owner;
    this.field = field;
  }

  private Model requireOwner() {
    if (owner == null || owner.pk() == null) {
      throw new io.vibevault.orm.exception.ArgumentError(
          "Save the object before using its many-to-many relation (it needs a primary key)");
    }
    return owner;
  }
}
