package io.vibevault.orm.testkit.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;

@Meta(appLabel = "kit")
public class Author extends Model {
  @CharField(maxLength = 50)
  public String name;
}
