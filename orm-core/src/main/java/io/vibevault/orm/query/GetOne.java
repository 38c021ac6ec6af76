package io.vibevault.orm.query;

import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.model.ModelMeta;
import java.util.List;

/**
 * Django's {@code get()}: the one row matching some conditions, read as at most 21 rows so that
 * "more than one" can say how many (up to 20). A primary-key condition on a bare query goes through
 * the precompiled statement ({@code PrimaryKeySelect}); any other primary-key condition builds its
 * WHERE directly, without resolving a path; everything else is {@code filter()}.
 *
 * <pre>{@code
 * Memory m = Memory.objects.get("id", 5);          // the QuerySets' get() call this
 * }</pre>
 */
final class GetOne {
  /** Rows read to tell one from several: Django's {@code MAX_GET_RESULTS} plus one. */
  private static final long MAX_ROWS = 21L;

  private GetOne() {}

  static <R, S extends AbstractQuerySet<R, S>> R get(S qs, Object[] conditions, Class<?> model) {
    if (conditions.length > 0 && qs.query.combinator() != null) {
      throw new NotSupportedError(
          "Calling QuerySet.get(...) with filters after "
              + qs.query.combinator().method()
              + "() is not supported.");
    }
    boolean byKey = isPrimaryKeyCondition(qs.meta, conditions);
    if (byKey) {
      List<R> rows =
          QueryRunner.fetchByPrimaryKey(qs.query, conditions[1], qs.db(), qs::listReader);
      if (rows != null) {
        qs.afterFetch(rows);
        return only(qs.meta, rows, model);
      }
    }
    S filtered = byKey ? byPrimaryKey(qs, conditions) : null;
    if (filtered == null && conditions.length > 0) {
      filtered = qs.filter(conditions);
    }
    S one;
    if (filtered != null) {
      // The filtered query is a fresh copy, never sliced: edit it in place instead of copying it
      // twice more (a get() by primary key is mostly this overhead on top of the database).
      filtered.query.setOrdering(List.of());
      if (!filtered.query.isSelectForUpdate()) {
        filtered.query.setLimits(0L, MAX_ROWS);
      }
      one = filtered;
    } else if (!qs.query.isSliced() && !qs.query.isSelectForUpdate()) {
      one = qs.orderBy().slice(0, (int) MAX_ROWS);
    } else if (!qs.query.isSliced()) {
      one = qs.orderBy();
    } else {
      one = qs;
    }
    return only(qs.meta, one.list(), model);
  }

  /** The one row of a get(), or Django's two errors. */
  private static <R> R only(ModelMeta meta, List<R> rows, Class<?> model) {
    if (rows.isEmpty()) {
      throw new ObjectDoesNotExist(model, meta.modelName() + " matching query does not exist.");
    }
    if (rows.size() > 1) {
      throw new MultipleObjectsReturned(
          model,
          "get() returned more than one "
              + meta.modelName()
              + " -- it returned "
              + (rows.size() > 20 ? "more than 20" : String.valueOf(rows.size()))
              + "!");
    }
    return rows.get(0);
  }

  /**
   * {@code get("pk", value)}: the primary-key condition built directly, no path to resolve; null
   * when the query is sliced or the value needs the general filter.
   */
  private static <R, S extends AbstractQuerySet<R, S>> S byPrimaryKey(S qs, Object[] conditions) {
    if (qs.query.isSliced()) {
      return null;
    }
    boolean[] direct = {false};
    S byPk = qs.chain(q -> direct[0] = q.addPkFilter(conditions[1]));
    return direct[0] ? byPk : null;
  }

  /** {@code ("pk", value)} or {@code ("<key's name>", value)}. */
  private static boolean isPrimaryKeyCondition(ModelMeta meta, Object[] conditions) {
    return conditions.length == 2
        && conditions[0] instanceof String key
        && (key.equals("pk") || key.equals(meta.pk().name()));
  }
}
