package io.vibevault.orm.tests.migrations;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;

/** App {@code cyca}: points at a {@link Gallery} of app {@code cycb}, which points back. */
@Meta(appLabel = "cyca")
public class Painter extends Model {
  @CharField(maxLength = 50)
  public String name;

  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "painters")
  public final Ref<Gallery> gallery = new Ref<>();
}
