package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.WriteCompiler;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * bulkCreate and bulkUpdate: multi-row INSERTs chunked under the parameter limit with the new
 * primary keys read back (RETURNING), and batched UPDATEs by primary key. Neither sends signals nor
 * calls save(), as in Django.
 */
final class BulkOperations {
  private BulkOperations() {}

  static <T extends Model> List<T> bulkCreate(
      QuerySet<T> qs, List<T> objs, BulkCreateOptions options) {
    for (T o : objs) {
      ModelInternals.bindRelations(o);
    }
    insertRows(qs.meta(), qs.db(), objs, Rows.INSTANCES, options);
    Field pk = qs.meta().pk();
    for (T o : objs) {
      if (!options.ignoringConflicts() || pk.get(o) != null) {
        ModelInternals.markSaved(o, qs.db());
      }
    }
    return objs;
  }

  /**
   * Inserts rows of {@code meta} (model instances or row maps, read and written through {@code
   * access}) in one transaction and sets the new primary keys on them.
   */
  static void insertRows(
      ModelMeta meta, String db, List<?> objs, Rows access, BulkCreateOptions options) {
    if (options.batchSize() < 0) {
      throw new ArgumentError("Batch size must be a positive integer.");
    }
    if (objs.isEmpty()) {
      return;
    }
    DatabaseConnection connection = Database.connection(db);
    Backend backend = connection.backend();
    WriteCompiler.Conflicts conflicts = conflicts(meta, backend, options);
    Field pk = meta.pk();
    List<Object> withPk = new ArrayList<>();
    List<Object> withoutPk = new ArrayList<>();
    for (Object o : objs) {
      (access.get(o, pk) == null ? withoutPk : withPk).add(o);
    }
    int size = options.batchSize();
    Transaction.using(db)
        .noSavepoint()
        .run(
            () -> {
              insert(connection, backend, meta, access, withPk, true, conflicts, size);
              insert(connection, backend, meta, access, withoutPk, false, conflicts, size);
            });
  }

  private static WriteCompiler.Conflicts conflicts(
      ModelMeta meta, Backend backend, BulkCreateOptions o) {
    if (o.ignoringConflicts()) {
      if (!backend.features().supportsIgnoreConflicts()) {
        throw new NotSupportedError("This database backend does not support ignoring conflicts.");
      }
      return new WriteCompiler.Conflicts(true, List.of(), List.of());
    }
    if (o.updatingConflicts()) {
      if (!backend.features().supportsUpdateConflicts()) {
        throw new NotSupportedError("This database backend does not support updating conflicts.");
      }
      if (o.updateFields().isEmpty()) {
        throw new ArgumentError(
            "Fields that will be updated when a row insertion fails on conflicts must be provided.");
      }
      if (o.uniqueFields().isEmpty() && backend.features().upsertRequiresUniqueFields()) {
        throw new ArgumentError("Unique fields that can trigger the upsert must be provided.");
      }
      List<Field> unique = new ArrayList<>();
      for (String name : o.uniqueFields()) {
        unique.add(meta.field(name));
      }
      List<Field> update = new ArrayList<>();
      for (String name : o.updateFields()) {
        Field f = meta.field(name);
        if (!f.isConcrete() || f.isPrimaryKey()) {
          throw new ArgumentError(
              "bulkCreate() can only update concrete fields that are not primary keys.");
        }
        update.add(f);
      }
      return new WriteCompiler.Conflicts(false, unique, update);
    }
    return null;
  }

  private static void insert(
      DatabaseConnection connection,
      Backend backend,
      ModelMeta meta,
      Rows access,
      List<Object> objs,
      boolean hasPk,
      WriteCompiler.Conflicts conflicts,
      int batchSize) {
    if (objs.isEmpty()) {
      return;
    }
    Field pk = meta.pk();
    List<Field> fields = new ArrayList<>();
    for (Field f : meta.concreteFields()) {
      if (f == pk && !hasPk && pk.kind().isAuto()) {
        continue;
      }
      fields.add(f);
    }
    WriteCompiler compiler = new WriteCompiler(backend.operations(), backend.features());
    int chunk = compiler.insertChunk(fields, batchSize);
    boolean readPks = !hasPk && (conflicts == null || !conflicts.ignore());
    boolean returning = readPks && backend.features().canReturnRowsFromInsert();
    List<Field> returned = returning ? List.of(pk) : List.of();
    int next = 0;
    // Every full batch runs one statement text; a shorter last batch has its own.
    for (Batches group : values(access, objs, fields, chunk)) {
      String sql = compiler.insertSql(meta, fields, group.rows(), returned, conflicts);
      next =
          run(
              connection,
              backend,
              sql,
              group.params(),
              group.rows(),
              readPks,
              returning,
              objs,
              access,
              pk,
              next);
    }
  }

  /** Batches of {@code rows} rows each and their bound values, one list per statement. */
  private record Batches(int rows, List<List<Object>> params) {}

  /**
   * The neutral values of the rows, checked and converted once each, with auto_now(_add) fields set
   * on the objects first (one "now" for the whole call, converted once per field).
   */
  private static List<Batches> values(
      Rows access, List<Object> objs, List<Field> fields, int chunk) {
    int width = fields.size();
    Field[] plan = fields.toArray(new Field[0]);
    Object[] now = new Object[width];
    java.time.Instant instant = null;
    for (int j = 0; j < width; j++) {
      Field f = plan[j];
      if (f.isAutoNow() || f.isAutoNowAdd()) {
        if (instant == null) {
          instant = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        Object value =
            f.kind() == io.vibevault.orm.model.FieldKind.DATE
                ? java.time.LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC)
                : instant;
        now[j] = f.fromNeutral(f.toNeutral(value));
      }
    }
    List<List<Object>> full = new ArrayList<>(objs.size() / chunk);
    Batches last = null;
    for (int start = 0; start < objs.size(); start += chunk) {
      int end = Math.min(objs.size(), start + chunk);
      List<Object> params = new ArrayList<>((end - start) * width);
      for (int i = start; i < end; i++) {
        Object o = objs.get(i);
        for (int j = 0; j < width; j++) {
          Field f = plan[j];
          Object value;
          if (now[j] != null && (f.isAutoNow() || access.get(o, f) == null)) {
            access.set(o, f, now[j]);
            value = now[j];
          } else {
            value = access.get(o, f);
          }
          params.add(ModelOperations.writeValue(f, value));
        }
      }
      if (end - start == chunk) {
        full.add(params);
      } else {
        last = new Batches(end - start, List.of(params));
      }
    }
    List<Batches> groups = new ArrayList<>(2);
    if (!full.isEmpty()) {
      groups.add(new Batches(chunk, full));
    }
    if (last != null) {
      groups.add(last);
    }
    return groups;
  }

  /**
   * Runs the INSERT {@code sql} once per batch of {@code rowsEach} rows and sets the keys read back
   * on {@code objs} from index {@code next}; returns the index after the last row.
   */
  private static int run(
      DatabaseConnection connection,
      Backend backend,
      String sql,
      List<List<Object>> batches,
      int rowsEach,
      boolean readPks,
      boolean returning,
      List<Object> objs,
      Rows access,
      Field pk,
      int next) {
    List<List<Object>> keysPerStatement =
        connection.insertEach(
            sql,
            batches,
            returning,
            readPks ? new String[] {pk.column()} : null,
            rs -> backend.operations().read(rs, 1, pk.kind()));
    for (List<Object> keys : keysPerStatement) {
      if (readPks && !returning && keys.size() == 1 && rowsEach > 1) {
        // Without RETURNING, MySQL reports the first id of a multi-row insert; ids are consecutive.
        long first = ((Number) keys.get(0)).longValue();
        keys = new ArrayList<>();
        for (int i = 0; i < rowsEach; i++) {
          keys.add(first + i);
        }
      }
      int row = next;
      for (Object key : keys) {
        access.set(objs.get(row), pk, pk.fromNeutral(key));
        row++;
      }
      next += rowsEach;
    }
    return next;
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
