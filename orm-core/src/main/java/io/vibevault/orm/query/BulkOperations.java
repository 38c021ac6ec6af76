package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * bulkCreate and bulkUpdate: the rows inserted by {@link BulkInsert} with their new primary keys
 * set, and batched UPDATEs by primary key. Neither sends signals nor calls save(), as in Django.
 */
final class BulkOperations {
  private BulkOperations() {}

  static <T extends Model> List<T> bulkCreate(
      QuerySet<T> qs, List<T> objs, BulkCreateOptions options) {
    for (T o : objs) {
      ModelInternals.bindRelations(o);
    }
    BulkInsert.insertRows(qs.meta(), qs.db(), objs, Rows.INSTANCES, options);
    Field pk = qs.meta().pk();
    for (T o : objs) {
      if (!options.ignoringConflicts() || pk.get(o) != null) {
        ModelInternals.markSaved(o, qs.db());
      }
    }
    return objs;
  }

  static <T extends Model> long bulkUpdate(
      QuerySet<T> qs, List<T> objs, List<String> names, int batchSize) {
    if (batchSize < 0) {
      throw new ArgumentError("Batch size must be a positive integer.");
    }
    if (names.isEmpty()) {
      throw new ArgumentError("Field names must be given to bulk_update().");
    }
    ModelMeta meta = qs.meta();
    List<Field> fields = new ArrayList<>();
    for (String name : names) {
      Field f = meta.field(name);
      if (!f.isConcrete() || f.isPrimaryKey()) {
        throw new ArgumentError(
            "bulk_update() can only be used with concrete fields that are not primary keys.");
      }
      fields.add(f);
    }
    for (T o : objs) {
      if (o.pk() == null) {
        throw new ArgumentError("All bulk_update() objects must have a primary key set.");
      }
    }
    if (objs.isEmpty()) {
      return 0;
    }
    DatabaseConnection connection = Database.connection(qs.db());
    Backend backend = connection.backend();
    StringBuilder sql =
        new StringBuilder("UPDATE ")
            .append(backend.operations().quoteName(meta.dbTable()))
            .append(" SET ");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(backend.operations().quoteName(fields.get(i).column())).append(" = ?");
    }
    sql.append(" WHERE ").append(backend.operations().quoteName(meta.pk().column())).append(" = ?");
    List<List<Object>> sets = new ArrayList<>();
    for (T o : objs) {
      ModelInternals.bindRelations(o);
      List<Object> params = new ArrayList<>();
      for (Field f : fields) {
        params.add(ModelOperations.writeValue(f, f.get(o)));
      }
      params.add(meta.pk().toNeutral(o.pk()));
      sets.add(params);
    }
    int size = batchSize > 0 ? batchSize : sets.size();
    return Transaction.using(qs.db())
        .noSavepoint()
        .call(
            () -> {
              long total = 0;
              for (int start = 0; start < sets.size(); start += size) {
                for (int n :
                    connection.executeBatch(
                        sql.toString(), sets.subList(start, Math.min(sets.size(), start + size)))) {
                  total += Math.max(n, n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0);
                }
              }
              return total;
            });
  }
}
