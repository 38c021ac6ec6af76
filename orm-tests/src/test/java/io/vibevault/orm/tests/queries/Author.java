package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

@Meta(appLabel = "queries")
public class Author extends Model {
  public static final Manager<Author> objects = Manager.of(Author.class);

  @CharField(maxLength = 50, unique = true)
  public String name;

  @BooleanField public boolean active = true;
}
