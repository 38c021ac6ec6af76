package io.vibevault.orm.tests.selectrelated;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;

/** A required foreign key (city) and a nullable self foreign key (mentor). */
@Meta(appLabel = "selectrelated")
public class Author extends Model {
  public static final Manager<Author> objects = Manager.of(Author.class);

  @CharField(maxLength = 50)
  public String name;

  @TextField(blank = true)
  public String bio = "";

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "authors")
  public final Ref<City> city = new Ref<>();

  @ForeignKey(onDelete = OnDelete.SET_NULL, to = "self", nullable = true, relatedName = "mentees")
  public final Ref<Author> mentor = new Ref<>();
}
