package io.vibevault.orm.testkit.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;

/** A self reference: orders without depending on anything else. */
@Meta(appLabel = "kit")
public class Node extends Model {
  @ForeignKey(onDelete = OnDelete.CASCADE, to = "self", nullable = true, relatedName = "children")
  public final Ref<Node> parent = new Ref<>();
}
