package io.vibevault.orm.testkit.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;

/** With {@link Chicken}, a cycle of foreign keys that no order satisfies. */
@Meta(appLabel = "kit")
public class Egg extends Model {
  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "+")
  public final Ref<Chicken> chicken = new Ref<>();
}
