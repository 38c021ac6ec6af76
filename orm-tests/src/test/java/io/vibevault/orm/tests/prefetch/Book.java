package io.vibevault.orm.tests.prefetch;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

@Meta(appLabel = "prefetch", ordering = "id")
public class Book extends Model {
  public static final Manager<Book> objects = Manager.of(Book.class);

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
  public final Ref<Author> author = new Ref<>();

  @CharField(maxLength = 100)
  public String title;

  @IntegerField public int pages = 0;

  @ManyToManyField(relatedName = "books")
  public final ManyToMany<Genre> genres = new ManyToMany<>();
}
