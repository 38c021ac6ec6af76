package io.vibevault.orm.tests.prefetch;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.OneToOneField;
import io.vibevault.orm.query.Manager;

@Meta(appLabel = "prefetch")
public class Bio extends Model {
  public static final Manager<Bio> objects = Manager.of(Bio.class);

  @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "bio")
  public final Ref<Author> author = new Ref<>();

  @CharField(maxLength = 100)
  public String text;
}
