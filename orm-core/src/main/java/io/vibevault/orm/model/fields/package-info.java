/**
 * The annotations that declare a model's fields and options (public API): one per Django field
 * type, the relation annotations, and {@link io.vibevault.orm.model.fields.Meta}.
 */
package io.vibevault.orm.model.fields;
