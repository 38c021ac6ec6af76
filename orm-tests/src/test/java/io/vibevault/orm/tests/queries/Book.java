package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;
import java.time.Instant;

/** No default ordering; a required and a nullable foreign key to Writer. */
@Meta(appLabel = "queries")
public class Book extends Model {
  public static final Manager<Book> objects = Manager.of(Book.class);

  @CharField(maxLength = 100)
  public String title;

  @IntegerField public int pages = 0;

  @FloatField(nullable = true)
  public Double rating;

  @DateTimeField(nullable = true)
  public Instant published;

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
  public final Ref<Writer> author = new Ref<>();

  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "edited")
  public final Ref<Writer> editor = new Ref<>();
}
