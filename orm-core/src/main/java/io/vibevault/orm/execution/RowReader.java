package io.vibevault.orm.execution;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a result set into one result (a model instance, a values map, ...).
 *
 * <pre>{@code
 * RowReader<Object> first = rs -> rs.getObject(1);
 * }</pre>
 */
@FunctionalInterface
public interface RowReader<R> {
  R read(ResultSet rs) throws SQLException;
}
