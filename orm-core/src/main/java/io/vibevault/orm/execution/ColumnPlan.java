package io.vibevault.orm.execution;

import io.vibevault.orm.backend.ColumnReaders;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.Operations.ValueReader;
import io.vibevault.orm.model.FieldKind;
import java.lang.ref.WeakReference;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The value readers of a run of consecutive columns, asked of the backend once per result set and
 * reused for its every row (what a backend needs to know about a column, such as PostgreSQL's
 * {@code timestamp} versus {@code timestamptz}, is not looked up per value), with a scratch array
 * for a row's values, also per result set.
 *
 * <pre>{@code
 * ColumnPlan plan = new ColumnPlan(ops, 1, kinds, 0);
 * while (rs.next()) {
 *   Object first = plan.bind(rs).readers()[0].read(rs);
 * }
 * }</pre>
 */
final class ColumnPlan {
  private final Operations ops;
  private final int firstIndex;
  private final FieldKind[] kinds;
  private final int scratchSize;

  /**
   * The readers of the last result set seen. Immutable, so a plan shared by threads at worst builds
   * readers twice; the result set is held weakly so a kept plan does not keep a closed one alive.
   */
  private Bound bound;

  /**
   * What a result set's rows use: the column readers and a scratch array for a row's values. A
   * result set is read by one thread at a time, and only the thread reading {@code rs} can get a
   * Bound of {@code rs}, so the scratch array is never shared.
   */
  record Bound(WeakReference<ResultSet> rs, ValueReader[] readers, Object[] scratch) {}

  /**
   * Columns {@code firstIndex} (1-based) onwards, one per kind (null: unknown, read as any), with a
   * scratch array of {@code scratchSize} values per result set.
   */
  ColumnPlan(Operations ops, int firstIndex, FieldKind[] kinds, int scratchSize) {
    this.ops = ops;
    this.firstIndex = firstIndex;
    this.kinds = kinds.clone();
    this.scratchSize = scratchSize;
  }

  ValueReader[] readers(ResultSet rs) throws SQLException {
    return bind(rs).readers();
  }

  Bound bind(ResultSet rs) throws SQLException {
    Bound b = bound;
    if (b == null || b.rs().get() != rs) {
      ResultSetMetaData columns = rs.getMetaData();
      ValueReader[] readers = new ValueReader[kinds.length];
      for (int i = 0; i < readers.length; i++) {
        readers[i] = ColumnReaders.uniform(ops.reader(columns, firstIndex + i, kinds[i]));
      }
      b = new Bound(new WeakReference<>(rs), readers, new Object[scratchSize]);
      bound = b;
    }
    return b;
  }
}
