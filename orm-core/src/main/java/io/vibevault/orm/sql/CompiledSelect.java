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
 */
public record CompiledSelect(
    String sql, List<Object> params, List<SelectColumn> columns, List<RelatedSelect> related) {
  /** A select without selectRelated models. */
  public CompiledSelect(String sql, List<Object> params, List<SelectColumn> columns) {
    this(sql, params, columns, List.of());
  }
}
