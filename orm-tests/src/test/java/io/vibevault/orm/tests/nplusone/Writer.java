package io.vibevault.orm.tests.nplusone;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The target of {@link Note#writer}. */
@Meta(appLabel = "nplusone")
public class Writer extends Model {
  public static final Manager<Writer> objects = Manager.of(Writer.class);

  @CharField(maxLength = 50)
  public String name;

  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "writers")
  public final Ref<Town> town = new Ref<>();
}
