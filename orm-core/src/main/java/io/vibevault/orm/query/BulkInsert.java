package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Features;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.WriteCompiler;
import io.vibevault.orm.transaction.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The INSERTs of bulkCreate (Django's {@code _batched_insert}): in one transaction, the rows that
 * have a primary key, then the rows that do not, with the new keys set on them. Rows go in
 * multi-row INSERTs chunked under the backend's parameter limit, the keys read back with RETURNING;
 * or, where the backend {@linkplain Features#bulkInsertsRowBatches() asks for it}, the first chunk
 * so and every later chunk as one single-row INSERT run as a JDBC batch, its rows given the keys
 * that follow the first chunk's.
 *
 * <pre>{@code
 * BulkInsert.insertRows(meta, "default", users, Rows.INSTANCES, BulkCreateOptions.defaults());
 * }</pre>
 */
final class BulkInsert {
  private final DatabaseConnection connection;
  private final Backend backend;
  private final ModelMeta meta;
  private final Rows access;
  private final WriteCompiler.Conflicts conflicts;
  private final WriteCompiler compiler;

  private BulkInsert(
      DatabaseConnection connection,
      ModelMeta meta,
      Rows access,
      WriteCompiler.Conflicts conflicts) {
    this.connection = connection;
    this.backend = connection.backend();
    this.meta = meta;
    this.access = access;
    this.conflicts = conflicts;
    this.compiler = new WriteCompiler(backend.operations(), backend.features());
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
    BulkInsert insert =
        new BulkInsert(connection, meta, access, conflicts(meta, connection.backend(), options));
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
              insert.insert(withPk, true, size);
              insert.insert(withoutPk, false, size);
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

  private void insert(List<Object> objs, boolean hasPk, int batchSize) {
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
    int chunk = compiler.insertChunk(fields, batchSize);
    boolean readPks = !hasPk && (conflicts == null || !conflicts.ignore());
    List<Object[]> rows = values(objs, fields);
    // An upsert's RETURNING may give the key of the row it updated: only a multi-row INSERT can
    // read it. A row of no fields (DEFAULT VALUES) is one statement each anyway.
    boolean rowBatches =
        backend.features().bulkInsertsRowBatches()
            && !fields.isEmpty()
            && (conflicts == null || conflicts.ignore());
    if (!rowBatches) {
      multiRow(objs, fields, rows, 0, chunk, readPks);
    } else if (!readPks) {
      rowBatches(fields, rows, chunk);
    } else {
      keyedRowBatches(objs, fields, rows, chunk);
    }
  }

  /**
   * The first chunk as a multi-row INSERT reading its keys back, the rest with the keys that follow
   * the largest of them: once the first statement has written, the transaction is the database's
   * only writer, and the keys it gives are those the database would have (one past the largest),
   * unless a trigger on the table inserts rows of its own.
   */
  private void keyedRowBatches(
      List<Object> objs, List<Field> fields, List<Object[]> rows, int chunk) {
    Field pk = meta.pk();
    int first = Math.min(chunk, rows.size());
    boolean returning = backend.features().canReturnRowsFromInsert();
    if (!returning || !pk.kind().isAuto()) {
      multiRow(objs, fields, rows, 0, chunk, true);
      return;
    }
    multiRow(objs, fields, rows.subList(0, first), 0, chunk, true);
    long largest = Long.MIN_VALUE;
    for (int i = 0; i < first; i++) {
      largest = Math.max(largest, ((Number) pk.toNeutral(access.get(objs.get(i), pk))).longValue());
    }
    int rest = rows.size() - first;
    if (rest == 0) {
      return;
    }
    if (largest > Long.MAX_VALUE - rest
        || !backend.introspection(connection).triggers(meta.dbTable()).isEmpty()) {
      // A trigger may insert rows into the table too, taking keys; past the largest key the
      // database picks keys its own way. Let it give them, and read them back.
      multiRow(objs, fields, rows.subList(first, rows.size()), first, chunk, true);
      return;
    }
    List<Field> keyed = new ArrayList<>(fields.size() + 1);
    keyed.add(pk);
    keyed.addAll(fields);
    List<Object[]> withKeys = new ArrayList<>(rest);
    for (int i = first; i < rows.size(); i++) {
      long key = largest + 1 + (i - first);
      Object[] row = rows.get(i);
      Object[] withKey = new Object[row.length + 1];
      withKey[0] = key;
      System.arraycopy(row, 0, withKey, 1, row.length);
      withKeys.add(withKey);
    }
    rowBatches(keyed, withKeys, chunk);
    for (int i = first; i < rows.size(); i++) {
      access.set(objs.get(i), pk, pk.fromNeutral(largest + 1 + (i - first)));
    }
  }

  /** The rows as one single-row INSERT run as a JDBC batch per {@code chunk} rows. */
  private void rowBatches(List<Field> fields, List<Object[]> rows, int chunk) {
    String sql = compiler.insertSql(meta, fields, 1, List.of(), conflicts);
    for (int start = 0; start < rows.size(); start += chunk) {
      int end = Math.min(rows.size(), start + chunk);
      List<List<Object>> sets = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        sets.add(Arrays.asList(rows.get(i)));
      }
      connection.executeBatch(sql, sets);
    }
  }

  /**
   * {@code rows} as multi-row INSERTs of {@code chunk} rows, the keys read back onto {@code objs}
   * from index {@code offset} when {@code readPks}. Every full chunk runs one statement text; a
   * shorter last chunk has its own.
   */
  private void multiRow(
      List<Object> objs,
      List<Field> fields,
      List<Object[]> rows,
      int offset,
      int chunk,
      boolean readPks) {
    Field pk = meta.pk();
    boolean returning = readPks && backend.features().canReturnRowsFromInsert();
    List<Field> returned = returning ? List.of(pk) : List.of();
    int width = fields.size();
    List<List<Object>> full = new ArrayList<>(rows.size() / chunk);
    List<Object> last = null;
    for (int start = 0; start < rows.size(); start += chunk) {
      int end = Math.min(rows.size(), start + chunk);
      List<Object> params = new ArrayList<>((end - start) * width);
      for (int i = start; i < end; i++) {
        params.addAll(Arrays.asList(rows.get(i)));
      }
      if (end - start == chunk) {
        full.add(params);
      } else {
        last = params;
      }
    }
    int next = offset;
    if (!full.isEmpty()) {
      String sql = compiler.insertSql(meta, fields, chunk, returned, conflicts);
      next = run(sql, full, chunk, readPks, returning, objs, next);
    }
    if (last != null) {
      int rowCount = rows.size() % chunk;
      String sql = compiler.insertSql(meta, fields, rowCount, returned, conflicts);
      run(sql, List.of(last), rowCount, readPks, returning, objs, next);
    }
  }

  /**
   * Runs the INSERT {@code sql} once per batch of {@code rowsEach} rows and sets the keys read back
   * on {@code objs} from index {@code next}; returns the index after the last row.
   */
  private int run(
      String sql,
      List<List<Object>> batches,
      int rowsEach,
      boolean readPks,
      boolean returning,
      List<Object> objs,
      int next) {
    Field pk = meta.pk();
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

  /**
   * The neutral values of the rows, checked and converted once each, with auto_now(_add) fields set
   * on the objects first (one "now" for the whole call, converted once per field).
   */
  private List<Object[]> values(List<Object> objs, List<Field> fields) {
    int width = fields.size();
    Field[] plan = fields.toArray(new Field[0]);
    Object[] now = new Object[width];
    Instant instant = null;
    for (int j = 0; j < width; j++) {
      Field f = plan[j];
      if (f.isAutoNow() || f.isAutoNowAdd()) {
        if (instant == null) {
          instant = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        Object value =
            f.kind() == FieldKind.DATE ? LocalDate.ofInstant(instant, ZoneOffset.UTC) : instant;
        now[j] = f.fromNeutral(f.toNeutral(value));
      }
    }
    List<Object[]> rows = new ArrayList<>(objs.size());
    for (Object o : objs) {
      Object[] row = new Object[width];
      for (int j = 0; j < width; j++) {
        Field f = plan[j];
        Object value;
        if (now[j] != null && (f.isAutoNow() || access.get(o, f) == null)) {
          access.set(o, f, now[j]);
          value = now[j];
        } else {
          value = access.get(o, f);
        }
        row[j] = ModelOperations.writeValue(f, value);
      }
      rows.add(row);
    }
    return rows;
  }
}
