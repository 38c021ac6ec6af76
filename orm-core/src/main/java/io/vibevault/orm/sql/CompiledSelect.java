package io.vibevault.orm.sql;

import java.util.List;

/**
 * A compiled SELECT: SQL text, bound parameters, and how to read each column.
 *
 * @param sql the statement with {@code ?} placeholders
 * @param params the bound values, in order
 * @param columns how to read the leading columns: the model's (or the values()) columns, then
 *     annotations
 * @param related the models selectRelated loads from the columns after those, as a tree
 * @param readers the row readers shared by every select of this one's query shape (null when the
 *     select was compiled on its own: its readers are built for it)
 */
public record CompiledSelect(
    String sql,
    List<Object> params,
    List<SelectColumn> columns,
    List<RelatedSelect> related,
    ShapeReaders readers) {
  /** A select compiled on its own, with no shared readers. */
  public CompiledSelect(
      String sql, List<Object> params, List<SelectColumn> columns, List<RelatedSelect> related) {
    this(sql, params, columns, related, null);
  }

  /** A select without selectRelated models. */
  public CompiledSelect(String sql, List<Object> params, List<SelectColumn> columns) {
    this(sql, params, columns, List.of());
  }
}
