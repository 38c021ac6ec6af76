package io.vibevault.orm.query;

import io.vibevault.orm.model.Model;

/** Placeholder replaced by the real QuerySet. */
public class QuerySet<T extends Model> {}
