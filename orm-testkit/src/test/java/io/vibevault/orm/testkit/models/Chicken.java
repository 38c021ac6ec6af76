package io.vibevault.orm.testkit.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;

/** With {@link Egg}, a cycle of foreign keys that no order satisfies. */
@Meta(appLabel = "kit")
public class Chicken extends Model {
  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "+")
  public final Ref<Egg> egg = new Ref<>();
}
