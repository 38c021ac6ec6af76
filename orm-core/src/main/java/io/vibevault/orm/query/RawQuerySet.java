package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Model instances from hand-written SQL ({@code Manager.raw}). Parameters use {@code %s} and are
 * always bound. Columns named like the model's columns fill its fields; other columns become
 * annotations ({@code obj.annotation("double_likes")}); fields not selected are deferred. The
 * primary key must be selected.
 *
 * <pre>{@code
 * for (Memory m : Memory.objects.raw("SELECT * FROM memories WHERE user_id = %s ORDER BY id", 1)) { ... }
 * }</pre>
 */
public final class RawQuerySet<T extends Model> implements Iterable<T> {
  private final Class<T> model;
  private final String sql;
  private final List<Object> params;
  private final String alias;
  private List<T> cache;

  RawQuerySet(Class<T> model, String sql, List<Object> params, String alias) {
    this.model = model;
    this.sql = sql;
    this.params = params;
    this.alias = alias;
  }

  /** Runs the query once and returns every instance. */
  public List<T> list() {
    if (cache == null) {
      cache = Collections.unmodifiableList(fetch());
    }
    return cache;
  }

  @Override
  public Iterator<T> iterator() {
    return list().iterator();
  }

  private List<T> fetch() {
    ModelMeta meta = ModelMeta.of(model);
    DatabaseConnection connection = Database.connection(alias);
    Operations ops = connection.ops();
    String jdbc = Cursor.translatePlaceholders(sql, params.size());
    List<Object> neutral = new ArrayList<>();
    for (Object p : params) {
      neutral.add(FieldKind.neutral(p));
    }
    return connection.query(
        jdbc,
        neutral,
        rs -> {
          ResultSetMetaData md = rs.getMetaData();
          int n = md.getColumnCount();
          Field[] fields = new Field[n];
          String[] labels = new String[n];
          // A column named like a field already filled (SELECT * over a join repeats "id") is
          // neither that field nor an annotation: the first occurrence wins, as in Django.
          boolean[] ignored = new boolean[n];
          boolean hasPk = false;
          List<String> loaded = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            for (Field f : meta.concreteFields()) {
              if (f.column().toLowerCase(Locale.ROOT).equals(labels[i].toLowerCase(Locale.ROOT))) {
                if (loaded.contains(f.attname())) {
                  ignored[i] = true;
                } else {
                  fields[i] = f;
                  loaded.add(f.attname());
                  hasPk |= f.isPrimaryKey();
                }
              }
            }
          }
          if (!hasPk) {
            throw new FieldError("Raw query must include the primary key");
          }
          List<String> deferred = new ArrayList<>();
          for (Field f : meta.concreteFields()) {
            if (!loaded.contains(f.attname())) {
              deferred.add(f.attname());
            }
          }
          Set<String> deferredSet = ModelInternals.deferredSet(deferred);
          List<T> out = new ArrayList<>();
          while (rs.next()) {
            Model obj = ModelInternals.newInstance(meta);
            for (int i = 0; i < n; i++) {
              if (fields[i] != null) {
                fields[i].set(obj, fields[i].fromNeutral(ops.read(rs, i + 1, fields[i].kind())));
              } else if (!ignored[i]) {
                ModelInternals.putAnnotation(obj, labels[i], ops.readAny(rs, i + 1));
              }
            }
            ModelInternals.markLoaded(obj, meta, connection.alias(), deferredSet);
            out.add(model.cast(obj));
          }
          return out;
        });
  }

  static <T extends Model> RawQuerySet<T> of(
      Class<T> model, String sql, Object[] params, String alias) {
    return new RawQuerySet<>(model, sql, Arrays.asList(params), alias);
  }
}
