package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ProtectedError;
import io.vibevault.orm.exception.RestrictedError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.ReverseRelation;
import io.vibevault.orm.model.Signals;
import io.vibevault.orm.sql.Filter;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.WriteCompiler;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletion with Django's on_delete rules (Django's {@code Collector}): finds what cascades from the
 * deleted objects, refuses PROTECT and RESTRICT, nulls or defaults SET_NULL and SET_DEFAULT
 * columns, removes many-to-many links, then deletes children before parents, all in one
 * transaction. With no relation and no delete signal to honour it sends one fast DELETE.
 */
final class Collector {
  private final String db;

  /** Models in discovery order (parents first), with their rows to delete by primary key. */
  private final Map<ModelMeta, Map<Object, Object>> objects = new LinkedHashMap<>();

  private final List<Runnable> fieldUpdates = new ArrayList<>();
  private final Map<String, Long> linkDeletes = new LinkedHashMap<>();
  private final List<Runnable> linkDeleteActions = new ArrayList<>();

  /**
   * Rows a RESTRICT foreign key points from, by "Model.field": refused at the end unless a cascade
   * collected them too (Django's restricted_objects).
   */
  private final Map<String, Found> restricted = new LinkedHashMap<>();

  /** Rows of one model found through a relation. */
  private record Found(ModelMeta meta, List<Object> rows) {}

  private Collector(String db) {
    this.db = db;
  }

  /**
   * Deletes the rows of {@code query} (over {@code meta}) on {@code db} and what cascades from
   * them: model instances or row maps, as {@link Rows#of} says.
   */
  static DeleteResult delete(ModelMeta meta, Query query, String db) {
    if (canFastDelete(meta)) {
      DatabaseConnection c = Database.connection(db);
      Backend b = c.backend();
      Fragment sql;
      try {
        sql = new WriteCompiler(b.operations(), b.features()).delete(query.copy());
      } catch (EmptyResultSet e) {
        return new DeleteResult(0, Map.of());
      }
      long n = c.execute(sql.sql(), sql.params());
      return n == 0 ? new DeleteResult(0, Map.of()) : new DeleteResult(n, Map.of(meta.label(), n));
    }
    // Read and delete in one transaction, so no row can appear in between (Django collects inside).
    return Transaction.using(db)
        .call(() -> deleteObjects(meta, new ArrayList<>(unordered(meta, query, db)), db));
  }

  private static boolean canFastDelete(ModelMeta meta) {
    for (ReverseRelation r : meta.incomingRelations()) {
      if (r.field().relation().isManyToMany()
          || r.field().model().isAutoCreated()
          || r.field().relation().onDelete() != OnDelete.DO_NOTHING) {
        return false;
      }
    }
    return meta.manyToManyFields().isEmpty()
        && (meta.modelClass() == null || !Signals.hasDeleteReceivers(meta.modelClass()));
  }

  /** Deletes these rows of {@code meta} (model instances or row maps) and what cascades. */
  static DeleteResult deleteObjects(ModelMeta meta, List<?> objs, String db) {
    if (objs.isEmpty()) {
      return new DeleteResult(0, Map.of());
    }
    return Transaction.using(db)
        .call(
            () -> {
              Collector c = new Collector(db);
              c.collect(meta, objs);
              c.failOnRestricted(meta);
              return c.execute();
            });
  }

  private void collect(ModelMeta meta, List<?> objs) {
    Rows rows = Rows.of(meta);
    Map<Object, Object> bucket = objects.computeIfAbsent(meta, m -> new LinkedHashMap<>());
    List<Object> added = new ArrayList<>();
    List<Object> pks = new ArrayList<>();
    for (Object o : objs) {
      Object pk = rows.get(o, meta.pk());
      if (bucket.putIfAbsent(pk, o) == null) {
        added.add(o);
        pks.add(pk);
      }
    }
    if (added.isEmpty()) {
      return;
    }
    for (Field m2m : meta.manyToManyFields()) {
      // An explicit through model's rows go by its own foreign keys' on_delete, below.
      if (!m2m.relation().hasExplicitThrough()) {
        deleteLinks(m2m.relation().through(), m2m.relation().throughSourceField(), pks);
      }
    }
    Map<String, List<Object>> protectedObjects = new LinkedHashMap<>();
    for (ReverseRelation r : meta.incomingRelations()) {
      Field fk = r.field();
      ModelMeta related = fk.model();
      if (fk.relation().isManyToMany()) {
        if (!fk.relation().hasExplicitThrough()) {
          deleteLinks(fk.relation().through(), fk.relation().throughTargetField(), pks);
        }
        continue;
      }
      if (related.isAutoCreated()) {
        continue; // join-model rows: deleted by deleteLinks above
      }
      if (fk.relation().onDelete() == OnDelete.DO_NOTHING) {
        continue;
      }
      List<Object> targetValues = new ArrayList<>();
      for (Object o : added) {
        targetValues.add(rows.get(o, fk.relation().targetField()));
      }
      Query dependents = new Query(related);
      dependents.addFilter(new Filter.Leaf(fk.name() + "__in", targetValues));
      String key = related.modelName() + "." + fk.name();
      switch (fk.relation().onDelete()) {
        case CASCADE -> collect(related, fetch(related, dependents));
        case PROTECT -> {
          List<?> found = fetch(related, dependents);
          if (!found.isEmpty()) {
            protectedObjects.computeIfAbsent(key, k -> new ArrayList<>()).addAll(found);
          }
        }
        case RESTRICT -> {
          List<?> found = fetch(related, dependents);
          if (!found.isEmpty()) {
            restricted
                .computeIfAbsent(key, k -> new Found(related, new ArrayList<>()))
                .rows()
                .addAll(found);
          }
        }
        case SET_NULL -> setLater(related, dependents, fk, nullValue());
        case SET_DEFAULT -> setLater(related, dependents, fk, fk.defaultValue());
        case SET -> {
          Object value = fk.relation().onDeleteSetValue(); // once per deletion, as Django
          setLater(related, dependents, fk, value == null ? nullValue() : value);
        }
        default -> throw new IllegalStateException(fk.relation().onDelete().name());
      }
    }
    if (!protectedObjects.isEmpty()) {
      List<Object> all = new ArrayList<>();
      protectedObjects.values().forEach(all::addAll);
      throw new ProtectedError(
          "Cannot delete some instances of model '"
              + meta.modelName()
              + "' because they are referenced through protected foreign keys: "
              + quoted(protectedObjects.keySet())
              + ".",
          all);
    }
  }

  private List<?> fetch(ModelMeta meta, Query query) {
    return unordered(meta, query, db);
  }

  /** The rows of {@code query}, without ordering: the order of a delete does not matter. */
  private static List<?> unordered(ModelMeta meta, Query query, String db) {
    Query q = query.copy();
    q.clearOrdering(false);
    return Rows.of(meta).fetch(meta, q, db);
  }

  private void setLater(ModelMeta related, Query dependents, Field fk, Object value) {
    fieldUpdates.add(
        () ->
            ModelOperations.update(
                related, dependents, db, java.util.Collections.singletonMap(fk.name(), value)));
  }

  /**
   * Django's rule for RESTRICT: a restricting object is fine when the same delete removes it
   * through a cascade; any other is a RestrictedError listing them, and nothing is deleted.
   */
  private void failOnRestricted(ModelMeta meta) {
    Map<String, List<Object>> left = new LinkedHashMap<>();
    for (Map.Entry<String, Found> e : restricted.entrySet()) {
      ModelMeta related = e.getValue().meta();
      Map<Object, Object> bucket = objects.get(related);
      for (Object o : e.getValue().rows()) {
        if (bucket == null || !bucket.containsKey(Rows.of(related).get(o, related.pk()))) {
          left.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(o);
        }
      }
    }
    if (!left.isEmpty()) {
      List<Object> all = new ArrayList<>();
      left.values().forEach(all::addAll);
      throw new RestrictedError(
          "Cannot delete some instances of model '"
              + meta.modelName()
              + "' because they are referenced through restricted foreign keys: "
              + quoted(left.keySet())
              + ".",
          all);
    }
  }

  private static String quoted(java.util.Collection<String> keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      out.add("'" + k + "'");
    }
    return String.join(", ", out);
  }

  private static Object nullValue() {
    return io.vibevault.orm.expr.Value.of(null);
  }

  private void deleteLinks(ModelMeta through, Field by, List<Object> pks) {
    linkDeleteActions.add(
        () -> {
          Query q = new Query(through);
          q.addFilter(new Filter.Leaf(by.attname() + "__in", pks));
          DatabaseConnection c = Database.connection(db);
          Backend b = c.backend();
          try {
            Fragment sql = new WriteCompiler(b.operations(), b.features()).delete(q);
            long n = c.execute(sql.sql(), sql.params());
            if (n > 0) {
              linkDeletes.merge(through.label(), n, Long::sum);
            }
          } catch (EmptyResultSet ignored) {
            // No links.
          }
        });
  }

  private DeleteResult execute() {
    for (Map.Entry<ModelMeta, Map<Object, Object>> e : objects.entrySet()) {
      for (Object o : e.getValue().values()) {
        Rows.of(e.getKey()).preDelete(o, db);
      }
    }
    fieldUpdates.forEach(Runnable::run);
    linkDeleteActions.forEach(Runnable::run);
    Map<String, Long> counts = new LinkedHashMap<>(linkDeletes);
    long total = linkDeletes.values().stream().mapToLong(Long::longValue).sum();
    List<ModelMeta> order = deletionOrder();
    DatabaseConnection c = Database.connection(db);
    Backend b = c.backend();
    for (ModelMeta meta : order) {
      Map<Object, Object> bucket = objects.get(meta);
      if (bucket.isEmpty()) {
        continue; // a cascade that found no dependents
      }
      Query q = new Query(meta);
      q.addFilter(new Filter.Leaf("pk__in", new ArrayList<>(bucket.keySet())));
      Fragment sql = new WriteCompiler(b.operations(), b.features()).delete(q);
      long n = c.execute(sql.sql(), sql.params());
      if (n > 0) {
        counts.merge(meta.label(), n, Long::sum);
        total += n;
      }
    }
    for (Map.Entry<ModelMeta, Map<Object, Object>> e : objects.entrySet()) {
      for (Object o : e.getValue().values()) {
        Rows.of(e.getKey()).postDelete(o, db);
      }
    }
    return new DeleteResult(total, counts);
  }

  /**
   * The collected models in an order where rows go before the rows they point at (Django's
   * Collector.sort), so backends that check foreign keys per statement accept every DELETE; a cycle
   * falls back to the reverse of discovery order.
   */
  private List<ModelMeta> deletionOrder() {
    List<ModelMeta> pending = new ArrayList<>(objects.keySet());
    java.util.Collections.reverse(pending);
    List<ModelMeta> order = new ArrayList<>();
    while (!pending.isEmpty()) {
      ModelMeta next = null;
      for (ModelMeta candidate : pending) {
        boolean pointedAt = false;
        for (ModelMeta other : pending) {
          if (other != candidate && pointsAt(other, candidate)) {
            pointedAt = true;
            break;
          }
        }
        if (!pointedAt) {
          next = candidate;
          break;
        }
      }
      if (next == null) {
        next = pending.get(0);
      }
      pending.remove(next);
      order.add(next);
    }
    return order;
  }

  private static boolean pointsAt(ModelMeta from, ModelMeta to) {
    for (Field f : from.concreteFields()) {
      if (f.isRelation() && f.relation().target() == to) {
        return true;
      }
    }
    return false;
  }

  static boolean isCascade(OnDelete d) {
    return d == OnDelete.CASCADE;
  }
}
