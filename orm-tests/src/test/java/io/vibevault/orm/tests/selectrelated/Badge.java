package io.vibevault.orm.tests.selectrelated;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.OneToOneField;
import io.vibevault.orm.query.Manager;

/** A forward one-to-one to Author. */
@Meta(appLabel = "selectrelated")
public class Badge extends Model {
  public static final Manager<Badge> objects = Manager.of(Badge.class);

  @CharField(maxLength = 20)
  public String label;

  @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "badge")
  public final Ref<Author> holder = new Ref<>();
}
