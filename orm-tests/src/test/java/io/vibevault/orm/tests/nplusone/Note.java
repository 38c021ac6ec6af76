package io.vibevault.orm.tests.nplusone;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A foreign key (writer) and a many-to-many (labels), each loadable lazily. */
@Meta(appLabel = "nplusone")
public class Note extends Model {
  public static final Manager<Note> objects = Manager.of(Note.class);

  @CharField(maxLength = 100)
  public String title;

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "notes")
  public final Ref<Writer> writer = new Ref<>();

  @ManyToManyField(relatedName = "notes")
  public final ManyToMany<Label> labels = new ManyToMany<>();
}
