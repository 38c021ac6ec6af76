/**
 * QuerySets and managers (public API): {@link io.vibevault.orm.query.Manager}, {@link
 * io.vibevault.orm.query.QuerySet}, {@link io.vibevault.orm.query.ValuesQuerySet}, {@link
 * io.vibevault.orm.query.Q}, {@link io.vibevault.orm.query.RawQuerySet}. {@link
 * io.vibevault.orm.query.ModelOperations} is the ORM's own entry for model instances.
 */
package io.vibevault.orm.query;
