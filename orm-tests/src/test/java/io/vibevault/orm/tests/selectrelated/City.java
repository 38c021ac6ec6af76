package io.vibevault.orm.tests.selectrelated;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** Where an author lives: the end of the non-null chain Post → Author → City. */
@Meta(appLabel = "selectrelated")
public class City extends Model {
  public static final Manager<City> objects = Manager.of(City.class);

  @CharField(maxLength = 50)
  public String name;
}
