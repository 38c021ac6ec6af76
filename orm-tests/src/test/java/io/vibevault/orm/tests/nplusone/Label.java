package io.vibevault.orm.tests.nplusone;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The target of {@link Note#labels}. */
@Meta(appLabel = "nplusone")
public class Label extends Model {
  public static final Manager<Label> objects = Manager.of(Label.class);

  @CharField(maxLength = 50)
  public String name;
}
