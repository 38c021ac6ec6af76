package io.vibevault.orm.testkit.models;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;

/** Points at Author (foreign key) and Tag (many-to-many), so both must exist first. */
@Meta(appLabel = "kit")
public class Book extends Model {
  @CharField(maxLength = 100)
  public String title;

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
  public final Ref<Author> author = new Ref<>();

  @ManyToManyField(relatedName = "books")
  public final ManyToMany<Tag> tags = new ManyToMany<>();
}
