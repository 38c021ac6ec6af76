package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

@Meta(appLabel = "queries")
public class Label extends Model {
  public static final Manager<Label> objects = Manager.of(Label.class);

  @CharField(maxLength = 30, unique = true)
  public String name;
}
