package io.vibevault.orm.backend.postgresql;

import io.vibevault.orm.model.FieldKind;
import java.util.List;

/**
 * A whole IN list bound as one SQL array ({@code lhs = ANY(?)}): the statement text and its plan
 * stay the same whatever the list's length. Turned into a {@link java.sql.Array} when bound.
 */
record PostgresqlArrayParameter(FieldKind kind, List<Object> values) {
  @Override
  public String toString() {
    return "ARRAY" + values;
  }
}
