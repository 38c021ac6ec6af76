package io.vibevault.orm.query;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.Query;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a model's default manager, where related managers start (as Django's do): the static {@link
 * Manager} or {@link QuerySet} field named by {@code @Meta(defaultManagerName)}, else the first one
 * declared (the class's own before its parents'). A soft-delete manager hiding rows thus hides them
 * from {@code user.related(...)} too.
 */
final class DefaultManagers {
  private static final Map<Class<?>, Optional<Object>> CACHE = new ConcurrentHashMap<>();

  private DefaultManagers() {}

  /** The default manager's QuerySet on {@code db}, or a plain QuerySet when there is none. */
  @SuppressWarnings("unchecked")
  static <T extends Model> QuerySet<T> querySet(ModelMeta meta, String db) {
    Class<? extends Model> type = meta.modelClass();
    Object manager =
        type == null ? null : CACHE.computeIfAbsent(type, t -> find(meta)).orElse(null);
    QuerySet<T> qs;
    if (manager instanceof Manager<?> m && !(m instanceof RelatedManager)) {
      qs = (QuerySet<T>) m.getQuerySet();
    } else if (manager instanceof QuerySet<?> q) {
      qs = (QuerySet<T>) q.all();
    } else {
      return new QuerySet<>((Class<T>) type, meta, new Query(meta), db);
    }
    return qs.using(db);
  }

  private static Optional<Object> find(ModelMeta meta) {
    String wanted = meta.defaultManagerName();
    for (Class<?> c = meta.modelClass(); c != null && c != Model.class; c = c.getSuperclass()) {
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        int mods = f.getModifiers();
        if (!Modifier.isStatic(mods)
            || !Modifier.isPublic(mods)
            || !(Manager.class.isAssignableFrom(f.getType())
                || QuerySet.class.isAssignableFrom(f.getType()))
            || (!wanted.isEmpty() && !wanted.equals(f.getName()))) {
          continue;
        }
        try {
          Object value = f.get(null);
          if (value != null) {
            return Optional.of(value);
          }
        } catch (IllegalAccessException | RuntimeException e) {
          // Not readable: look further.
        }
      }
    }
    return Optional.empty();
  }
}
