package io.vibevault.orm.query;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Signals;
import io.vibevault.orm.sql.Query;
import java.util.List;
import java.util.Map;

/**
 * How the write and delete paths hold the rows of one model: instances of its Java class, or maps
 * of attname to value for a model that has no class (a historical model in a data migration,
 * queried through {@link MapQuerySet}). The Collector and bulk inserts work through it, so
 * on_delete rules and key read-back are the same code for both.
 */
enum Rows {
  INSTANCES {
    @Override
    List<?> fetch(ModelMeta meta, Query query, String db) {
      return new QuerySet<>(meta.modelClass(), meta, query, db).list();
    }

    @Override
    Object get(Object row, Field field) {
      return field.get((Model) row);
    }

    @Override
    void set(Object row, Field field, Object value) {
      field.set((Model) row, value);
    }

    @Override
    void preDelete(Object row, String db) {
      Signals.sendPreDelete((Model) row, db);
    }

    @Override
    void postDelete(Object row, String db) {
      Signals.sendPostDelete((Model) row, db);
    }
  },

  MAPS {
    @Override
    List<?> fetch(ModelMeta meta, Query query, String db) {
      return new MapQuerySet(meta, query, db, false).list();
    }

    @Override
    Object get(Object row, Field field) {
      return ((Map<?, ?>) row).get(field.attname());
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(Object row, Field field, Object value) {
      ((Map<String, Object>) row).put(field.attname(), value);
    }

    // A model without a class has no receivers: signals are registered by class.
    @Override
    void preDelete(Object row, String db) {}

    @Override
    void postDelete(Object row, String db) {}
  };

  /** The rows of {@code meta}: its instances when it has a Java class, maps otherwise. */
  static Rows of(ModelMeta meta) {
    return meta.modelClass() == null ? MAPS : INSTANCES;
  }

  /** The rows {@code query} selects. */
  abstract List<?> fetch(ModelMeta meta, Query query, String db);

  /** The attribute value of {@code field} (a relation's id). */
  abstract Object get(Object row, Field field);

  abstract void set(Object row, Field field, Object value);

  abstract void preDelete(Object row, String db);

  abstract void postDelete(Object row, String db);

  /**
   * The value a relation column stores for {@code value}: the target field of a model instance or
   * of a row map, the value itself otherwise (an id).
   */
  static Object relationValue(Field relation, Object value) {
    Field target = relation.relation().targetField();
    if (value instanceof Model m) {
      relation.checkTarget(m);
      return target.get(m);
    }
    if (value instanceof Map<?, ?> row) {
      return row.get(target.attname());
    }
    return value;
  }
}
