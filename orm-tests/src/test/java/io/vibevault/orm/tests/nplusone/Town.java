package io.vibevault.orm.tests.nplusone;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The target of {@link Writer#town}: one level beyond a selectRelated. */
@Meta(appLabel = "nplusone")
public class Town extends Model {
  public static final Manager<Town> objects = Manager.of(Town.class);

  @CharField(maxLength = 50)
  public String name;
}
