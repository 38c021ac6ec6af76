package io.vibevault.orm.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-instance bookkeeping, inherited by every model rather than held in an object of its own (one
 * object and one pointer less per row a query builds). A query builds thousands of instances and
 * most never carry an annotation, a prefetched list or a reverse one-to-one, so those maps are
 * created on first write; the deferred set is shared by the rows of one query and replaced, never
 * changed.
 */
abstract class ModelState {
  boolean adding = true;
  String db;

  /** Attnames left out when the object was loaded: read-only, possibly shared. */
  Set<String> deferred = Set.of();

  private Map<String, Object> annotations;

  /** Lists installed by prefetchRelated, by relation name or toAttr. */
  private Map<String, List<? extends Model>> prefetched;

  /**
   * Reverse one-to-one objects already known, by the relation's reverse name: loaded by relatedOne,
   * selectRelated or prefetchRelated, or set from the other side. A null value records that there
   * is none.
   */
  private Map<String, Model> reverseOne;

  /** The N+1 guard's token shared by the instances one QuerySet evaluation hydrated. */
  Object resultSet;

  Map<String, Object> annotationValues() {
    return annotations == null ? Collections.emptyMap() : annotations;
  }

  void putAnnotationValue(String name, Object value) {
    if (annotations == null) {
      annotations = new LinkedHashMap<>();
    }
    annotations.put(name, value);
  }

  Map<String, List<? extends Model>> prefetchedLists() {
    return prefetched == null ? Collections.emptyMap() : prefetched;
  }

  Map<String, List<? extends Model>> prefetchedListsForWrite() {
    if (prefetched == null) {
      prefetched = new LinkedHashMap<>();
    }
    return prefetched;
  }

  Map<String, Model> reverseOnes() {
    return reverseOne == null ? Collections.emptyMap() : reverseOne;
  }

  Map<String, Model> reverseOnesForWrite() {
    if (reverseOne == null) {
      reverseOne = new LinkedHashMap<>();
    }
    return reverseOne;
  }

  /** Marks attnames as loaded: a new set, since the old one may be shared with other rows. */
  void undeferFields(Collection<String> attnames) {
    if (deferred.isEmpty()) {
      return;
    }
    Set<String> rest = new LinkedHashSet<>(deferred);
    rest.removeAll(attnames);
    deferred = rest.isEmpty() ? Set.of() : Collections.unmodifiableSet(rest);
  }
}
