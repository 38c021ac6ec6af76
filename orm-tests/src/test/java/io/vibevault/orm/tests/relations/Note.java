package io.vibevault.orm.tests.relations;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A required FK (reverse {@code notes}), a nullable FK (reverse {@code reviewed}), and tags. */
@Meta(appLabel = "relations")
public class Note extends Model {
  public static final Manager<Note> objects = Manager.of(Note.class);

  @CharField(maxLength = 100)
  public String title;

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "notes")
  public final Ref<Person> author = new Ref<>();

  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "reviewed")
  public final Ref<Person> reviewer = new Ref<>();

  @ManyToManyField(relatedName = "notes")
  public final ManyToMany<Label> labels = new ManyToMany<>();
}
