package io.vibevault.orm.tests.migrations;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;

/** App {@code cycb}: owned by a {@link Painter} of app {@code cyca}, which points back. */
@Meta(appLabel = "cycb")
public class Gallery extends Model {
  @CharField(maxLength = 50)
  public String title;

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "galleries")
  public final Ref<Painter> owner = new Ref<>();
}
