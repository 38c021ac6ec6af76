package io.vibevault.orm.query;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import java.util.List;
import java.util.Set;

/** Placeholder replaced by the real implementation. */
public final class ModelOperations {
  private ModelOperations() {}

  public static void save(Model m, Set<String> updateFields, boolean forceInsert) {
    throw new UnsupportedOperationException();
  }

  public static DeleteResult delete(Model m) {
    throw new UnsupportedOperationException();
  }

  public static void refreshFromDb(Model m, List<String> fields) {
    throw new UnsupportedOperationException();
  }

  public static Model fetchRelated(Model owner, Field field, Object id) {
    throw new UnsupportedOperationException();
  }

  public static <T extends Model> QuerySet<T> m2mQuerySet(Model owner, Field field) {
    throw new UnsupportedOperationException();
  }

  public static void m2mAdd(Model owner, Field field, List<Object> objects) {
    throw new UnsupportedOperationException();
  }

  public static void m2mRemove(Model owner, Field field, List<Object> objects) {
    throw new UnsupportedOperationException();
  }

  public static void m2mClear(Model owner, Field field) {
    throw new UnsupportedOperationException();
  }

  public static void m2mSet(Model owner, Field field, List<?> objects) {
    throw new UnsupportedOperationException();
  }
}
