package io.vibevault.orm.sql;

import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;

/**
 * How to read one column of a compiled SELECT: its key (attname, annotation or values key), the
 * field that converts it (may be null for computed values) and its storage kind.
 *
 * @param key the attribute or output key
 * @param field the model field it comes from, or null
 * @param kind the storage kind to read it as, or null when unknown
 * @param annotation true for a computed value stored as an annotation on a model instance
 */
public record SelectColumn(String key, Field field, FieldKind kind, boolean annotation) {
  /** Converts a neutral value read from this column into its Java form. */
  public Object convert(Object neutral) {
    if (neutral == null) {
      return null;
    }
    if (field != null) {
      return field.fromNeutral(neutral);
    }
    // A computed JSON value (a key inside a JSON column): its Java form, as Django decodes it.
    return neutral instanceof JsonText json ? json.parse() : neutral;
  }
}
