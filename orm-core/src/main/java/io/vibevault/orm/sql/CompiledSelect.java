package io.vibevault.orm.sql;

import java.util.List;

/**
 * A compiled SELECT: SQL text, bound parameters, and how to read each column.
 *
 * @param sql the statement with {@code ?} placeholders
 * @param params the bound values, in order
 * @param columns one entry per selected column
 */
public record CompiledSelect(String sql, List<Object> params, List<SelectColumn> columns) {}
