package io.vibevault.orm.sql;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;

/**
 * One hop of a lookup path across a relation (Django's {@code PathInfo}): from a model to the next
 * table, joined on {@code from.lhsColumn = to.rhsColumn}.
 *
 * @param toModel the model (or join model) reached
 * @param lhsField the column on the side we come from
 * @param rhsField the column on the side we reach
 * @param direct true for a forward foreign key hop (it can be trimmed away)
 * @param multiValued true when the hop can multiply rows (reverse FK, many-to-many)
 * @param nullable true when the join may find no row
 * @param via the relation field followed (identity of the hop)
 */
record PathStep(
    ModelMeta toModel,
    Field lhsField,
    Field rhsField,
    boolean direct,
    boolean multiValued,
    boolean nullable,
    Field via) {}
