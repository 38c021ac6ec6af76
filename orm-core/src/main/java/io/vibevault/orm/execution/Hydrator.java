package io.vibevault.orm.execution;

import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.Operations.ValueReader;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.FieldWriter;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.RelatedSelect;
import io.vibevault.orm.sql.SelectColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds row readers once per compiled query: each column is read by index with the backend's
 * reader for its kind and converted by its field, with no reflection per row.
 *
 * <pre>{@code
 * RowReader<Model> reader = Hydrator.models(meta, select.columns(), ops, "default");
 * }</pre>
 */
public final class Hydrator {
  private Hydrator() {}

  /** Reads model instances; fields not selected are marked deferred. */
  public static RowReader<Model> models(
      ModelMeta meta, List<SelectColumn> columns, Operations ops, String db) {
    int n = columns.size();
    SelectColumn[] cols = columns.toArray(new SelectColumn[0]);
    Field[] fields = new Field[n];
    FieldKind[] kinds = new FieldKind[n];
    for (int i = 0; i < n; i++) {
      fields[i] = cols[i].annotation() ? null : cols[i].field();
      kinds[i] = cols[i].kind();
    }
    int[] slots = new int[n];
    FieldWriter writer = writer(meta, fields, slots, -1);
    ColumnPlan plan = new ColumnPlan(ops, 1, kinds, writer.size());
    ValueReader[] readers = plan.readers();
    // One read-only set for every row of the query, not a copy per row.
    Set<String> deferred = deferred(meta, cols);
    return rs -> {
      Object[] values = plan.scratch(rs);
      Model instance = ModelInternals.newInstance(meta);
      for (int i = 0; i < n; i++) {
        Field f = fields[i];
        Object neutral = readers[i].read(rs);
        if (f == null) {
          ModelInternals.putAnnotation(instance, cols[i].key(), cols[i].convert(neutral));
        } else if (slots[i] >= 0) {
          values[slots[i]] = neutral == null ? null : f.fromNeutral(neutral);
        } else {
          f.set(instance, neutral == null ? null : f.fromNeutral(neutral));
        }
      }
      writer.write(instance, values);
      ModelInternals.markLoaded(instance, meta, db, deferred);
      return instance;
    };
  }

  /**
   * The writer of the plain fields among {@code fields} (not relations, not annotations), and in
   * {@code slots} each column's place in its values (-1: set on its own, or column {@code skip}).
   */
  private static FieldWriter writer(ModelMeta meta, Field[] fields, int[] slots, int skip) {
    List<Field> plain = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      Field f = fields[i];
      if (i != skip && f != null && ModelInternals.isWritableDirectly(f)) {
        slots[i] = plain.size();
        plain.add(f);
      } else {
        slots[i] = -1;
      }
    }
    return ModelInternals.fieldWriter(meta, plain.toArray(new Field[0]));
  }

  /**
   * Reads model instances with the objects selectRelated loaded alongside, installed into their
   * relation holders at every depth (null when the joined row is absent).
   */
  public static RowReader<Model> models(
      ModelMeta meta, CompiledSelect select, Operations ops, String db) {
    RowReader<Model> base = models(meta, select.columns(), ops, db);
    if (select.related().isEmpty()) {
      return base;
    }
    RelatedReader[] related = relatedReaders(select.related(), ops, db);
    return rs -> {
      Model instance = base.read(rs);
      for (RelatedReader r : related) {
        r.install(rs, instance);
      }
      return instance;
    };
  }

  private static RelatedReader[] relatedReaders(
      List<RelatedSelect> selects, Operations ops, String db) {
    RelatedReader[] out = new RelatedReader[selects.size()];
    for (int i = 0; i < out.length; i++) {
      RelatedSelect s = selects.get(i);
      SelectColumn[] cols = s.columns().toArray(new SelectColumn[0]);
      int pkIndex = -1;
      for (int c = 0; c < cols.length; c++) {
        if (cols[c].field().isPrimaryKey()) {
          pkIndex = c;
        }
      }
      FieldKind[] kinds = new FieldKind[cols.length];
      Field[] fields = new Field[cols.length];
      for (int c = 0; c < cols.length; c++) {
        kinds[c] = cols[c].kind();
        fields[c] = cols[c].field();
      }
      int[] slots = new int[cols.length];
      FieldWriter writer = writer(s.model(), fields, slots, pkIndex);
      out[i] =
          new RelatedReader(
              s.field(),
              s.model(),
              new ColumnPlan(ops, s.offset() + 1, kinds, writer.size()),
              cols,
              writer,
              slots,
              pkIndex,
              deferred(s.model(), cols),
              relatedReaders(s.children(), ops, db),
              s.reverse(),
              db);
    }
    return out;
  }

  /** Builds one selectRelated object from its columns of the row and installs it in its parent. */
  private record RelatedReader(
      Field field,
      ModelMeta meta,
      ColumnPlan plan,
      SelectColumn[] cols,
      FieldWriter writer,
      int[] slots,
      int pkIndex,
      Set<String> deferred,
      RelatedReader[] children,
      boolean reverse,
      String db) {
    void install(ResultSet rs, Model parent) throws SQLException {
      Model instance = read(rs);
      if (reverse) {
        // A reverse one-to-one: cached on the parent (null when there is no row, so relatedOne
        // raises ObjectDoesNotExist without a query), and the child's own foreign key holds the
        // parent.
        if (instance != null) {
          ModelInternals.setRelatedLoaded(instance, field, parent);
        }
        ModelInternals.setReverseOne(parent, field, instance);
      } else {
        ModelInternals.setRelatedLoaded(parent, field, instance);
      }
    }

    /**
     * The object of these columns with its own selectRelated children, or null when the joined row
     * is absent (a null primary key, read first so an absent row costs one column).
     */
    private Model read(ResultSet rs) throws SQLException {
      ValueReader[] readers = plan.readers();
      Object pk = cols[pkIndex].convert(readers[pkIndex].read(rs));
      if (pk == null) {
        return null;
      }
      Object[] values = plan.scratch(rs);
      Model instance = ModelInternals.newInstance(meta);
      for (int i = 0; i < cols.length; i++) {
        Field f = cols[i].field();
        if (i == pkIndex) {
          f.set(instance, pk);
        } else {
          Object neutral = readers[i].read(rs);
          Object value = neutral == null ? null : f.fromNeutral(neutral);
          if (slots[i] >= 0) {
            values[slots[i]] = value;
          } else {
            f.set(instance, value);
          }
        }
      }
      writer.write(instance, values);
      ModelInternals.markLoaded(instance, meta, db, deferred);
      for (RelatedReader child : children) {
        child.install(rs, instance);
      }
      return instance;
    }
  }

  private static Set<String> deferred(ModelMeta meta, SelectColumn[] cols) {
    List<String> deferred = new ArrayList<>();
    for (Field f : meta.concreteFields()) {
      boolean selected = false;
      for (SelectColumn c : cols) {
        if (!c.annotation() && c.key().equals(f.attname())) {
          selected = true;
          break;
        }
      }
      if (!selected) {
        deferred.add(f.attname());
      }
    }
    return ModelInternals.deferredSet(deferred);
  }

  /** Reads rows as maps keyed by the select keys (values()). */
  public static RowReader<Map<String, Object>> maps(List<SelectColumn> columns, Operations ops) {
    SelectColumn[] cols = columns.toArray(new SelectColumn[0]);
    return rs -> {
      Map<String, Object> row = new LinkedHashMap<>(cols.length * 2);
      for (int i = 0; i < cols.length; i++) {
        row.put(cols[i].key(), cols[i].convert(read(ops, rs, i + 1, cols[i].kind())));
      }
      return row;
    };
  }

  /** Reads rows as lists (valuesList()). */
  public static RowReader<List<Object>> lists(List<SelectColumn> columns, Operations ops) {
    SelectColumn[] cols = columns.toArray(new SelectColumn[0]);
    return rs -> {
      List<Object> row = new ArrayList<>(cols.length);
      for (int i = 0; i < cols.length; i++) {
        row.add(cols[i].convert(read(ops, rs, i + 1, cols[i].kind())));
      }
      return java.util.Collections.unmodifiableList(row);
    };
  }

  /** Reads the single column (valuesList(flat)). */
  public static RowReader<Object> single(List<SelectColumn> columns, Operations ops) {
    SelectColumn c = columns.get(0);
    return rs -> c.convert(read(ops, rs, 1, c.kind()));
  }

  private static Object read(Operations ops, ResultSet rs, int index, FieldKind kind)
      throws SQLException {
    return kind == null ? ops.readAny(rs, index) : ops.read(rs, index, kind);
  }
}
