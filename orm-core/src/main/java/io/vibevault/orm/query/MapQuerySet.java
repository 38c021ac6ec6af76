package io.vibevault.orm.query;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.execution.Hydrator;
import io.vibevault.orm.execution.RowReader;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A QuerySet over a model without a Java class — a historical model in a data migration — whose
 * rows are maps of attname to value ({@code "id"}, {@code "name"}, a foreign key as {@code
 * "userId"}) plus any annotations. It is a full QuerySet: every lookup, {@link Q}, F expressions,
 * paths across relations ({@code user__username}), ordering, slicing, aggregates and annotations,
 * values(); update() with expressions, delete() with the model's on_delete rules, create() and
 * bulkCreate() reading back the primary key. Rows are plain data: no signals, no save().
 *
 * <pre>{@code
 * MapQuerySet tag = new MapQuerySet(historicalMeta);
 * Map<String, Object> work = tag.create(Map.of("name", "work"));   // with its "id"
 * tag.filter("name__istartswith", "w").exclude("id", work.get("id")).delete();
 * tag.filter("memories__user__username", "ana").update("hits", F.of("hits").plus(1));
 * }</pre>
 */
public final class MapQuerySet extends AbstractQuerySet<Map<String, Object>, MapQuerySet> {
  /** Made by the public constructor: the root, usable as a manager, never caching rows. */
  private final boolean root;

  /** Every row of {@code meta}, on the default database. */
  public MapQuerySet(ModelMeta meta) {
    this(meta, null);
  }

  /** Every row of {@code meta}, on the database {@code databaseAlias}. */
  public MapQuerySet(ModelMeta meta, String databaseAlias) {
    this(meta, new Query(meta), databaseAlias, true);
  }

  MapQuerySet(ModelMeta meta, Query query, String alias, boolean root) {
    super(meta, query, alias);
    this.root = root;
  }

  @Override
  MapQuerySet copyWith(Query q) {
    return new MapQuerySet(meta, q, alias, false);
  }

  @Override
  boolean cachesResults() {
    return !root;
  }

  @Override
  RowReader<Map<String, Object>> reader(CompiledSelect select, Backend backend, String db) {
    return Hydrator.maps(select.columns(), backend.operations());
  }

  /** The one row matching the conditions; ObjectDoesNotExist or MultipleObjectsReturned. */
  public Map<String, Object> get(Object... conditions) {
    return single(conditions, null);
  }

  // ------------------------------------------------------------------ shapes

  /** Rows as maps of the named paths and named expressions (every concrete field when none). */
  public ValuesQuerySet<Map<String, Object>> values(Object... fieldsAndExpressions) {
    return ValuesQuerySet.of(meta, query, alias, fieldsAndExpressions, ValuesQuerySet.Shape.MAP);
  }

  /** Rows as lists of the named paths and named expressions. */
  public ValuesQuerySet<List<Object>> valuesList(Object... fieldsAndExpressions) {
    return ValuesQuerySet.of(meta, query, alias, fieldsAndExpressions, ValuesQuerySet.Shape.LIST);
  }

  // ------------------------------------------------------------------ writes

  /**
   * Inserts a row and returns it with every concrete field, the primary key included. Fields are
   * named by name or attname ({@code "user"} or {@code "userId"}); a relation takes an id or the
   * map of the related row. A field not given takes its default, {@code ""} for a non-null text
   * field (as Django), null otherwise; an unknown name is a FieldError before any SQL.
   */
  public Map<String, Object> create(Map<String, ?> values) {
    return bulkCreate(List.of(values)).get(0);
  }

  /** Inserts a row from {@code field, value} pairs. */
  public Map<String, Object> create(Object... fieldsAndValues) {
    return create(QuerySet.pairs(fieldsAndValues));
  }

  /**
   * Inserts the rows in as few statements as the backend allows, in one transaction, and returns
   * them as {@link #create} does, each with its primary key.
   */
  public List<Map<String, Object>> bulkCreate(List<? extends Map<String, ?>> values) {
    return bulkCreate(values, BulkCreateOptions.defaults());
  }

  /**
   * As {@link #bulkCreate(List)}, with a batch size or conflict handling (rows inserted while
   * ignoring conflicts come back without their key, as with model objects).
   */
  public List<Map<String, Object>> bulkCreate(
      List<? extends Map<String, ?>> values, BulkCreateOptions options) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, ?> v : values) {
      rows.add(newRow(v));
    }
    BulkInsert.insertRows(meta, db(), rows, Rows.MAPS, options);
    return rows;
  }

  private Map<String, Object> newRow(Map<String, ?> values) {
    for (String key : values.keySet()) {
      Field f = meta.findField(key);
      if (f == null || !f.isConcrete()) {
        throw new FieldError(
            "The model "
                + meta.label()
                + " has no field "
                + FieldError.quote(key)
                + "; its fields are "
                + meta.concreteFields().stream().map(Field::name).toList());
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (Field f : meta.concreteFields()) {
      Object value;
      if (values.containsKey(f.name())) {
        value = values.get(f.name());
      } else if (values.containsKey(f.attname())) {
        value = values.get(f.attname());
      } else if (f.hasDefault()) {
        value = f.defaultValue();
      } else if (!f.isRelation() && f.kind().isText() && !f.isNullable() && !f.isPrimaryKey()) {
        value = "";
      } else {
        value = null;
      }
      if (f.isRelation()) {
        value = Rows.relationValue(f, value);
      }
      // In the form a read gives back, so a created row equals the same row fetched.
      row.put(f.attname(), value == null ? null : f.fromNeutral(f.toNeutral(value)));
    }
    return row;
  }

  /**
   * UPDATE every matching row; values may be expressions ({@code F.of("hits").plus(1)}), a relation
   * an id or a row map. Returns the number of rows changed.
   */
  public long update(Map<String, ?> values) {
    notSupportedAfterCombinator("update");
    return ModelOperations.update(meta, query, db(), values);
  }

  /** UPDATE with {@code field, value} pairs. */
  public long update(Object... fieldsAndValues) {
    return update(QuerySet.pairs(fieldsAndValues));
  }

  /**
   * Deletes every matching row and applies the on_delete rules of the foreign keys pointing at them
   * (CASCADE, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT), as the models were at this point, in one
   * transaction.
   */
  public DeleteResult delete() {
    notSupportedAfterCombinator("delete");
    if (query.isSliced()) {
      throw new ArgumentError("Cannot use 'limit' or 'offset' with delete().");
    }
    return Collector.delete(meta, query, db());
  }
}
