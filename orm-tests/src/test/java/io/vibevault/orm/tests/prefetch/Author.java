package io.vibevault.orm.tests.prefetch;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

@Meta(appLabel = "prefetch", ordering = "id")
public class Author extends Model {
  public static final Manager<Author> objects = Manager.of(Author.class);

  @CharField(maxLength = 50)
  public String name;
}
