package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.Filter;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.WriteCompiler;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes to a many-to-many join table for one object: add (skipping links that exist), remove,
 * clear, set. Each change runs in one transaction.
 */
final class ManyToManyOperations {
  private ManyToManyOperations() {}

  static QuerySet<? extends Model> querySet(Model owner, Field field) {
    ModelMeta target = field.relation().target();
    String db = owner.db() == null ? Database.DEFAULT : owner.db();
    QuerySet<? extends Model> qs =
        new QuerySet<>(target.modelClass(), target, new Query(target), db);
    if (!field.relation().isHidden()) {
      return qs.filter(field.relation().relatedQueryName(), owner.pk());
    }
    return qs.filter("pk__in", linkedIds(owner, field, db));
  }

  private static List<Object> linkedIds(Model owner, Field field, String db) {
    ModelMeta through = field.relation().through();
    Field source = through.relationFields().get(0);
    Field dest = through.relationFields().get(1);
    Query q = new Query(through);
    q.addFilter(new Filter.Leaf(source.attname(), owner.pk()));
    q.setValues(List.of("id"), List.of(dest.attname()), java.util.Map.of());
    return new ValuesQuerySet<Object>(through, q, db, ValuesQuerySet.Shape.FLAT).list();
  }

  static void add(Model owner, Field field, List<Object> objects) {
    String db = owner.db() == null ? Database.DEFAULT : owner.db();
    Set<Object> ids = ids(field, objects);
    if (ids.isEmpty()) {
      return;
    }
    Transaction.using(db)
        .run(
            () -> {
              Set<Object> missing = new LinkedHashSet<>(ids);
              for (Object existing : linkedIds(owner, field, db)) {
                missing.remove(existing);
              }
              if (missing.isEmpty()) {
                return;
              }
              ModelMeta through = field.relation().through();
              Field source = through.relationFields().get(0);
              Field dest = through.relationFields().get(1);
              List<List<Object>> rows = new ArrayList<>();
              for (Object id : missing) {
                rows.add(List.of(source.toNeutral(owner.pk()), dest.toNeutral(id)));
              }
              DatabaseConnection c = Database.connection(db);
              Backend b = c.backend();
              for (Fragment f :
                  new WriteCompiler(b.operations(), b.features())
                      .insert(through, List.of(source, dest), rows, List.of(), null, 0)) {
                c.execute(f.sql(), f.params());
              }
            });
  }

  static void remove(Model owner, Field field, List<Object> objects) {
    Set<Object> ids = ids(field, objects);
    if (!ids.isEmpty()) {
      deleteLinks(owner, field, new ArrayList<>(ids));
    }
  }

  static void clear(Model owner, Field field) {
    deleteLinks(owner, field, null);
  }

  static void set(Model owner, Field field, List<?> objects) {
    String db = owner.db() == null ? Database.DEFAULT : owner.db();
    Set<Object> wanted = ids(field, new ArrayList<>(objects));
    Transaction.using(db)
        .run(
            () -> {
              List<Object> current = linkedIds(owner, field, db);
              List<Object> toRemove = new ArrayList<>();
              for (Object id : current) {
                if (!wanted.remove(id)) {
                  toRemove.add(id);
                }
              }
              if (!toRemove.isEmpty()) {
                deleteLinks(owner, field, toRemove);
              }
              add(owner, field, new ArrayList<>(wanted));
            });
  }

  private static void deleteLinks(Model owner, Field field, List<Object> targetIds) {
    String db = owner.db() == null ? Database.DEFAULT : owner.db();
    ModelMeta through = field.relation().through();
    Field source = through.relationFields().get(0);
    Field dest = through.relationFields().get(1);
    Query q = new Query(through);
    q.addFilter(new Filter.Leaf(source.attname(), owner.pk()));
    if (targetIds != null) {
      q.addFilter(new Filter.Leaf(dest.attname() + "__in", targetIds));
    }
    DatabaseConnection c = Database.connection(db);
    Backend b = c.backend();
    try {
      Fragment f = new WriteCompiler(b.operations(), b.features()).delete(q);
      c.execute(f.sql(), f.params());
    } catch (io.vibevault.orm.expr.EmptyResultSet nothing) {
      // Nothing to unlink.
    }
  }

  private static Set<Object> ids(Field field, List<Object> objects) {
    Field targetPk = field.relation().target().pk();
    Set<Object> ids = new LinkedHashSet<>();
    for (Object o : objects) {
      if (o instanceof Model m) {
        if (m.pk() == null) {
          throw new io.vibevault.orm.exception.ValidationError(
              "Cannot add an unsaved " + m.meta().modelName() + " to a many-to-many relation");
        }
        ids.add(targetPk.fromNeutral(targetPk.toNeutral(m.pk())));
      } else {
        ids.add(targetPk.fromNeutral(targetPk.toNeutral(o)));
      }
    }
    return ids;
  }
}
