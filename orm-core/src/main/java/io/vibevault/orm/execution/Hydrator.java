package io.vibevault.orm.execution;

import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.SelectColumn;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    List<String> deferredFinal = List.copyOf(deferred);
    return rs -> {
      Model instance = ModelInternals.newInstance(meta);
      for (int i = 0; i < n; i++) {
        SelectColumn c = cols[i];
        Object value = c.convert(read(ops, rs, i + 1, c.kind()));
        if (c.annotation()) {
          ModelInternals.putAnnotation(instance, c.key(), value);
        } else {
          c.field().set(instance, value);
        }
      }
      ModelInternals.markLoaded(instance, db, deferredFinal);
      return instance;
    };
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
      throws java.sql.SQLException {
    return kind == null ? ops.readAny(rs, index) : ops.read(rs, index, kind);
  }
}
