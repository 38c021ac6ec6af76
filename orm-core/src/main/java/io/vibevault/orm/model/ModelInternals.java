package io.vibevault.orm.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ORM's own access to per-instance state, for the query and execution packages. Not API:
 * application code never needs it.
 */
public final class ModelInternals {
  private ModelInternals() {}

  /**
   * Marks an instance of {@code meta} as loaded from {@code db} with the given attnames deferred (a
   * read-only set from {@link #deferredSet}, shared by the rows of a query).
   */
  public static void markLoaded(Model instance, ModelMeta meta, String db, Set<String> deferred) {
    Model.markLoaded(instance, db, deferred);
    bindRelations(instance, meta);
  }

  /** Marks an instance as saved to {@code db}. */
  public static void markSaved(Model instance, String db) {
    instance.state().adding = false;
    instance.state().db = db;
  }

  public static boolean isAdding(Model instance) {
    return instance.state().adding;
  }

  public static Set<String> deferred(Model instance) {
    return instance.state().deferred;
  }

  public static void undefer(Model instance, Collection<String> attnames) {
    instance.state().undeferFields(attnames);
  }

  /**
   * The read-only set of deferred attnames {@link #markLoaded} takes: built once per query and
   * shared by its rows.
   */
  public static Set<String> deferredSet(Collection<String> attnames) {
    return attnames.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(new LinkedHashSet<>(attnames));
  }

  public static void putAnnotation(Model instance, String name, Object value) {
    instance.state().putAnnotationValue(name, value);
  }

  /** Attaches every Ref and ManyToMany holder of the instance to it. */
  public static void bindRelations(Model instance) {
    bindRelations(instance, instance.meta());
  }

  private static void bindRelations(Model instance, ModelMeta meta) {
    for (Field f : meta.relationFields()) {
      Object holder = f.holder(instance);
      if (holder instanceof Ref<?> r) {
        r.bind(instance, f);
      } else if (holder instanceof ManyToMany<?> m) {
        m.bind(instance, f);
      }
    }
  }

  /** Installs an object loaded alongside (selectRelated) into a forward relation holder. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void setRelatedLoaded(Model instance, Field field, Model related) {
    ((Ref) field.holder(instance)).setLoaded(related);
  }

  /** The object a forward relation holder was given with {@code set()}, without loading. */
  public static Model cachedRelated(Model instance, Field field) {
    return ((Ref<?>) field.holder(instance)).cachedValue();
  }

  /** Whether a forward relation holder answers get() without a query. */
  public static boolean isRelatedLoaded(Model instance, Field field) {
    return ((Ref<?>) field.holder(instance)).isLoaded();
  }

  /**
   * The object a forward relation holder already holds (loaded by selectRelated or set), or null;
   * null for a many-to-many field. Never queries.
   */
  public static Model heldRelated(Model instance, Field field) {
    return field.holder(instance) instanceof Ref<?> r ? r.cachedValue() : null;
  }

  /**
   * Caches the object on the reverse side of the one-to-one {@code field} of {@code instance}
   * (null: there is none), as Django caches {@code user.profile}.
   */
  public static void setReverseOne(Model instance, Field field, Model related) {
    instance.state().reverseOnesForWrite().put(field.relation().relatedQueryName(), related);
  }

  /** Whether the reverse one-to-one of {@code field} is cached on {@code instance}. */
  public static boolean hasReverseOne(Model instance, Field field) {
    return instance.state().reverseOnes().containsKey(field.relation().relatedQueryName());
  }

  /** The cached reverse one-to-one object (null also when none exists; see hasReverseOne). */
  public static Model reverseOne(Model instance, Field field) {
    return instance.state().reverseOnes().get(field.relation().relatedQueryName());
  }

  /** Forgets every cached reverse one-to-one (refreshFromDb). */
  public static void clearReverseOne(Model instance) {
    instance.state().reverseOnes().clear();
  }

  /** Stores a prefetched list under a relation name or toAttr (see {@link Model#prefetched}). */
  public static void setPrefetched(Model instance, String name, List<? extends Model> objects) {
    instance.state().prefetchedListsForWrite().put(name, objects);
  }

  /**
   * The list prefetchRelated stored under {@code name} (a relation name, reverse ones included, or
   * a toAttr), or null when nothing was prefetched: related managers answer from it.
   */
  public static List<? extends Model> prefetchedOrNull(Model instance, String name) {
    return instance.state().prefetchedLists().get(name);
  }

  /** Forgets a prefetched list (after the relation was changed). */
  public static void clearPrefetched(Model instance, String name) {
    instance.state().prefetchedLists().remove(name);
  }

  /** Attaches the N+1 guard's shared result-set token to an instance. */
  public static void setResultSet(Model instance, Object token) {
    instance.state().resultSet = token;
  }

  /** The N+1 guard's result-set token of an instance, or null when it was loaded alone. */
  public static Object resultSet(Model instance) {
    return instance.state().resultSet;
  }

  /** Creates an empty instance of a model class through its no-argument constructor. */
  /**
   * A writer of these plain fields (not relations, not final) of {@code meta}'s instances, in this
   * order; the same writer for the same fields.
   */
  public static FieldWriter fieldWriter(ModelMeta meta, Field[] fields) {
    return FieldWriter.of(meta, fields);
  }

  /** Whether {@link #fieldWriter} can set {@code field}. */
  public static boolean isWritableDirectly(Field field) {
    return field.isWritableDirectly();
  }

  public static Model newInstance(ModelMeta meta) {
    return meta.newInstance();
  }
}
