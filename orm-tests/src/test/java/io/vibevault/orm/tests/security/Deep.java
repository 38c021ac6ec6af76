package io.vibevault.orm.tests.security;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/**
 * A chain of nodes whose lookup paths may cross three relations instead of the default two. It
 * points only at itself, so no other model of these tests gains a reverse relation to it.
 */
@Meta(appLabel = "security", maxRelationDepth = 3)
public class Deep extends Model {
  public static final Manager<Deep> objects = Manager.of(Deep.class);

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "children", nullable = true)
  public final Ref<Deep> parent = new Ref<>();

  @CharField(maxLength = 20)
  public String note;
}
