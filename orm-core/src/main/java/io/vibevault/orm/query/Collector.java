package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.ProtectedError;
import io.vibevault.orm.exception.RestrictedError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
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

  /** Models in discovery order (parents first), with the objects to delete. */
  private final Map<ModelMeta, Map<Object, Model>> objects = new LinkedHashMap<>();

  private final List<Runnable> fieldUpdates = new ArrayList<>();
  private final Map<String, Long> linkDeletes = new LinkedHashMap<>();
  private final List<Runnable> linkDeleteActions = new ArrayList<>();

  private Collector(String db) {
    this.db = db;
  }

  static DeleteResult deleteQuerySet(QuerySet<?> qs) {
    ModelMeta meta = qs.meta();
    if (canFastDelete(meta)) {
      DatabaseConnection c = Database.connection(qs.db());
      Backend b = c.backend();
      Fragment sql;
      try {
        sql = new WriteCompiler(b.operations(), b.features()).delete(qs.queryDescription().copy());
      } catch (EmptyResultSet e) {
        return new DeleteResult(0, Map.of());
      }
      long n = c.execute(sql.sql(), sql.params());
      return n == 0 ? new DeleteResult(0, Map.of()) : new DeleteResult(n, Map.of(meta.label(), n));
    }
    List<Model> found = new ArrayList<>(qs.orderBy().list());
    return deleteObjects(meta, found, qs.db());
  }

  private static boolean canFastDelete(ModelMeta meta) {
    return meta.reverseRelations().isEmpty()
        && meta.manyToManyFields().isEmpty()
        && (meta.modelClass() == null || !Signals.hasDeleteReceivers(meta.modelClass()));
  }

  static DeleteResult deleteObjects(ModelMeta meta, List<? extends Model> objs, String db) {
    if (objs.isEmpty()) {
      return new DeleteResult(0, Map.of());
    }
    return Transaction.using(db)
        .call(
            () -> {
              Collector c = new Collector(db);
              c.collect(meta, objs, null);
              return c.execute();
            });
  }

  private void collect(ModelMeta meta, List<? extends Model> objs, Field via) {
    Map<Object, Model> bucket = objects.computeIfAbsent(meta, m -> new LinkedHashMap<>());
    List<Model> added = new ArrayList<>();
    for (Model o : objs) {
      if (bucket.putIfAbsent(o.pk(), o) == null) {
        added.add(o);
      }
    }
    if (added.isEmpty()) {
      return;
    }
    List<Object> pks = new ArrayList<>();
    for (Model o : added) {
      pks.add(o.pk());
    }
    for (Field m2m : meta.manyToManyFields()) {
      ModelMeta through = m2m.relation().through();
      if (through.isAutoCreated()) {
        deleteLinks(through, through.relationFields().get(0), pks);
      }
    }
    for (ReverseRelation r : meta.reverseRelations()) {
      Field fk = r.field();
      ModelMeta related = fk.model();
      if (fk.relation().isManyToMany()) {
        ModelMeta through = fk.relation().through();
        deleteLinks(through, through.relationFields().get(1), pks);
        continue;
      }
      if (related.modelClass() == null) {
        continue;
      }
      List<Object> targetValues = new ArrayList<>();
      for (Model o : added) {
        targetValues.add(fk.relation().targetField().get(o));
      }
      QuerySet<? extends Model> dependents =
          new QuerySet<>(related.modelClass(), related, new Query(related), db)
              .filter(fk.name() + "__in", targetValues);
      switch (fk.relation().onDelete()) {
        case CASCADE -> collect(related, dependents.orderBy().list(), fk);
        case PROTECT -> {
          List<? extends Model> protectedObjs = dependents.orderBy().list();
          if (!protectedObjs.isEmpty()) {
            throw new ProtectedError(
                "Cannot delete some instances of model '"
                    + meta.modelName()
                    + "' because they are referenced through protected foreign keys: '"
                    + related.modelName()
                    + "."
                    + fk.name()
                    + "'.",
                protectedObjs);
          }
        }
        case RESTRICT -> {
          List<? extends Model> restricted = dependents.orderBy().list();
          if (!restricted.isEmpty()) {
            throw new RestrictedError(
                "Cannot delete some instances of model '"
                    + meta.modelName()
                    + "' because they are referenced through restricted foreign keys: '"
                    + related.modelName()
                    + "."
                    + fk.name()
                    + "'.",
                restricted);
          }
        }
        case SET_NULL -> fieldUpdates.add(() -> dependents.update(Map.of(fk.name(), nullValue())));
        case SET_DEFAULT ->
            fieldUpdates.add(
                () ->
                    dependents.update(
                        java.util.Collections.singletonMap(fk.name(), fk.defaultValue())));
        case DO_NOTHING -> {}
        default -> throw new IllegalStateException();
      }
    }
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
    for (Map<Object, Model> bucket : objects.values()) {
      for (Model o : bucket.values()) {
        Signals.sendPreDelete(o, db);
      }
    }
    fieldUpdates.forEach(Runnable::run);
    linkDeleteActions.forEach(Runnable::run);
    Map<String, Long> counts = new LinkedHashMap<>(linkDeletes);
    long total = linkDeletes.values().stream().mapToLong(Long::longValue).sum();
    List<ModelMeta> order = new ArrayList<>(objects.keySet());
    java.util.Collections.reverse(order);
    DatabaseConnection c = Database.connection(db);
    Backend b = c.backend();
    for (ModelMeta meta : order) {
      Map<Object, Model> bucket = objects.get(meta);
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
    for (ModelMeta meta : objects.keySet()) {
      for (Model o : objects.get(meta).values()) {
        Signals.sendPostDelete(o, db);
      }
    }
    return new DeleteResult(total, counts);
  }

  static boolean isCascade(OnDelete d) {
    return d == OnDelete.CASCADE;
  }
}
