/**
 * Models and their metadata (public API): {@link io.vibevault.orm.model.Model}, the relation
 * holders {@link io.vibevault.orm.model.Ref} and {@link io.vibevault.orm.model.ManyToMany}, {@link
 * io.vibevault.orm.model.ModelMeta} and {@link io.vibevault.orm.model.Field} (what the ORM knows
 * about a model), the registry {@link io.vibevault.orm.model.Apps}, {@link
 * io.vibevault.orm.model.Signals} and {@link io.vibevault.orm.model.Choices}. {@link
 * io.vibevault.orm.model.ModelInternals} is for the ORM's own packages only.
 */
package io.vibevault.orm.model;
