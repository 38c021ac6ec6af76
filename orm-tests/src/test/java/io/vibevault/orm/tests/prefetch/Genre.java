package io.vibevault.orm.tests.prefetch;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

@Meta(appLabel = "prefetch", ordering = "name")
public class Genre extends Model {
  public static final Manager<Genre> objects = Manager.of(Genre.class);

  @CharField(maxLength = 50)
  public String name;
}
