package io.vibevault.orm.tests.nplusone;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The target of {@link Note#writer}. */
@Meta(appLabel = "nplusone")
public class Writer extends Model {
  public static final Manager<Writer> objects = Manager.of(Writer.class);

  @CharField(maxLength = 50)
  public String name;
}
