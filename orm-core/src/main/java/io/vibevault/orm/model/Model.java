package io.vibevault.orm.model;

import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.query.DeleteResult;
import io.vibevault.orm.query.ModelOperations;
import io.vibevault.orm.query.RelatedManager;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The base class of every model. Fields are public Java fields carrying a field annotation; a model
 * without a declared primary key uses the implicit {@link #id}.
 *
 * <pre>{@code
 * @Meta(appLabel = "vault")
 * public class Tag extends Model {
 *   public static final Manager<Tag> objects = Manager.of(Tag.class);
 *   @CharField(maxLength = 50, unique = true) public String name;
 * }
 *
 * Tag tag = new Tag();
 * tag.name = "travel";
 * tag.save();          // INSERT; tag.id is set
 * }</pre>
 */
public abstract class Model extends ModelState {
  /** The implicit auto-increment primary key, unused when the model declares its own. */
  public Long id;

  protected Model() {}

  /** The model's metadata. */
  public ModelMeta meta() {
    return ModelMeta.of(getClass());
  }

  /** The primary key value, or null before the first save. */
  public Object pk() {
    return meta().pk().get(this);
  }

  /** Sets the primary key value. */
  public void setPk(Object value) {
    ModelMeta meta = meta();
    meta.pk().set(this, meta.pk().fromNeutral(meta.pk().toNeutral(value)));
  }

  /**
   * Inserts the object, or updates its row when it was loaded from or saved to the database. Sends
   * preSave and postSave.
   */
  public void save() {
    ModelOperations.save(this, null, false);
  }

  /** Updates only the named fields (Django's {@code update_fields}). */
  public void save(String... updateFields) {
    ModelOperations.save(this, new LinkedHashSet<>(Arrays.asList(updateFields)), false);
  }

  /** Inserts the object, failing with IntegrityError if the primary key exists. */
  public void saveAsNew() {
    ModelOperations.save(this, null, true);
  }

  /** Deletes the row (and what cascades from it). Sends preDelete and postDelete. */
  public DeleteResult delete() {
    return ModelOperations.delete(this);
  }

  /** Reloads every loaded field from the database, or only the named ones (also deferred ones). */
  public void refreshFromDb(String... fields) {
    ModelOperations.refreshFromDb(this, Arrays.asList(fields));
  }

  /**
   * The objects on the reverse side {@code name} of a foreign key or many-to-many relation that
   * {@code model} declares towards this one (Django's {@code user.memories}): a manager whose
   * queries see only the related rows, and which links and unlinks objects. {@code name} is the
   * reverse query name: the relation's {@code relatedName}, else the model name in lower case. This
   * object must be saved.
   *
   * <pre>{@code
   * user.related(Memory.class, "memories").filter("title__icontains", "trip").count();
   * tag.related(Memory.class, "memories").add(memory);   // reverse of Memory.tags
   * }</pre>
   *
   * @throws io.vibevault.orm.exception.FieldError for an unknown name, a name whose model is not
   *     {@code model}, or a one-to-one reverse (use {@link #relatedOne})
   * @throws io.vibevault.orm.exception.ArgumentError when this object has no primary key yet
   */
  public <R extends Model> RelatedManager<R> related(Class<R> model, String name) {
    return ModelOperations.related(this, model, name);
  }

  /**
   * The object on the reverse side {@code name} of a one-to-one relation (Django's {@code
   * user.profile}): one query the first time, then cached on this object like a loaded {@link Ref}
   * (also when there is none). {@code selectRelated("profile")} and {@code
   * prefetchRelated("profile")} fill the cache; {@link #refreshFromDb} clears it.
   *
   * <pre>{@code
   * Profile profile = user.relatedOne(Profile.class, "profile");
   * }</pre>
   *
   * @throws io.vibevault.orm.exception.ObjectDoesNotExist (of {@code model}) when there is none:
   *     "User has no profile."
   */
  public <R extends Model> R relatedOne(Class<R> model, String name) {
    return ModelOperations.relatedOne(this, model, name);
  }

  /**
   * Validates every field (type, null, blank, max length, choices, validators), then {@link
   * #clean()}; throws one {@link ValidationError} listing every field's errors.
   */
  public void fullClean(String... exclude) {
    Validation.fullClean(this, Set.of(exclude));
  }

  /** Model-wide validation run by {@link #fullClean}; override to add cross-field checks. */
  protected void clean() {}

  /** Whether a field was left out by {@code only()} / {@code defer()} when this was loaded. */
  public boolean isDeferred(String field) {
    return state().deferred.contains(meta().field(field).attname());
  }

  /** The fields left out when this object was loaded. */
  public Set<String> deferredFields() {
    return state().deferred;
  }

  /** A value computed by the query that loaded this object (annotate, extra raw() columns). */
  public Object annotation(String name) {
    if (!state().annotationValues().containsKey(name)) {
      throw new IllegalArgumentException(
          "No annotation '"
              + name
              + "' on this "
              + getClass().getSimpleName()
              + "; have "
              + state().annotationValues().keySet());
    }
    return state().annotationValues().get(name);
  }

  /**
   * An annotation as {@code type}: numbers convert between Long, Integer, Double and BigDecimal
   * when nothing is lost (a count read as {@code Integer}), anything else must already be of the
   * type.
   *
   * <pre>{@code
   * for (User u : User.objects.annotate(Count.of("memories").as("memoryCount"))) {
   *   long n = u.annotation("memoryCount", Long.class);
   * }
   * }</pre>
   */
  public <V> V annotation(String name, Class<V> type) {
    return io.vibevault.orm.query.Numbers.convert(annotation(name), type, name);
  }

  /** Every annotation the loading query computed, in order. */
  public Map<String, Object> annotations() {
    return Collections.unmodifiableMap(state().annotationValues());
  }

  /**
   * The objects {@code prefetchRelated} loaded for a relation of this object, by relation name
   * ({@code "memories"}, {@code "tags"}) or by a {@link io.vibevault.orm.query.Prefetch} toAttr
   * ({@code "photos"}); never queries. An IllegalArgumentException names what was prefetched when
   * {@code name} was not.
   *
   * <pre>{@code
   * for (User u : User.objects.prefetchRelated("memories")) {
   *   List<Memory> memories = u.prefetched("memories");
   * }
   * }</pre>
   */
  @SuppressWarnings("unchecked")
  public <M extends Model> List<M> prefetched(String name) {
    List<? extends Model> list = state().prefetchedLists().get(name);
    if (list == null) {
      throw new IllegalArgumentException(
          "Nothing prefetched as '"
              + name
              + "' on this "
              + getClass().getSimpleName()
              + "; prefetched: "
              + state().prefetchedLists().keySet()
              + " (use prefetchRelated(\""
              + name
              + "\"))");
    }
    return (List<M>) list;
  }

  /** Whether {@code prefetchRelated} loaded {@code name} for this object. */
  public boolean isPrefetched(String name) {
    return state().prefetchedLists().containsKey(name);
  }

  /** Whether this object has been saved to or loaded from a database. */
  public boolean isPersisted() {
    return !state().adding;
  }

  /** The database alias this object was loaded from or saved to. */
  public String db() {
    return state().db;
  }

  ModelState state() {
    return this;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || other.getClass() != getClass()) {
      return false;
    }
    Object pk = pk();
    return pk != null && pk.equals(((Model) other).pk());
  }

  @Override
  public int hashCode() {
    Object pk = pk();
    if (pk == null) {
      return System.identityHashCode(this);
    }
    return Objects.hash(getClass(), pk);
  }

  @Override
  public String toString() {
    ModelMeta meta = meta();
    Map<String, Object> shown = new LinkedHashMap<>();
    for (Field f : meta.concreteFields()) {
      if (state().deferred.contains(f.attname())) {
        continue;
      }
      Object v = f.get(this);
      if (v instanceof String s && s.length() > 40) {
        v = s.substring(0, 37) + "...";
      }
      shown.put(f.attname(), v);
      if (shown.size() == 4) {
        break;
      }
    }
    return meta.modelName() + shown;
  }

  /**
   * Used by the ORM's loaders: marks the object as loaded from {@code db}; {@code deferred} must be
   * read-only (it is shared, see {@link ModelInternals#deferredSet}).
   */
  static void markLoaded(Model instance, String db, Set<String> deferred) {
    instance.adding = false;
    instance.db = db;
    instance.deferred = deferred;
  }
}
