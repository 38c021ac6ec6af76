package io.vibevault.orm.tests.selectrelated;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;

/** A required foreign key (author), a nullable one (editor) and a many-to-many (topics). */
@Meta(appLabel = "selectrelated")
public class Post extends Model {
  public static final Manager<Post> objects = Manager.of(Post.class);

  @CharField(maxLength = 100)
  public String title;

  @TextField(blank = true)
  public String body = "";

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "posts")
  public final Ref<Author> author = new Ref<>();

  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "edited")
  public final Ref<Author> editor = new Ref<>();

  @ManyToManyField(relatedName = "posts")
  public final ManyToMany<City> topics = new ManyToMany<>();
}
