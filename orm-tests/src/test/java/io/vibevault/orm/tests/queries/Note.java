package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

@Meta(appLabel = "queries", ordering = "-createdAt")
public class Note extends Model {
  public static final Manager<Note> objects = Manager.of(Note.class);

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "notes")
  public final Ref<Author> author = new Ref<>();

  @CharField(maxLength = 100)
  public String title;

  @CharField(maxLength = 20, nullable = true)
  public String status;

  @FloatField(nullable = true)
  public Double score;

  @IntegerField public int likes = 0;

  @JSONField public Map<String, Object> data = new LinkedHashMap<>();

  @DateTimeField public Instant createdAt;

  @ManyToManyField(relatedName = "notes")
  public final ManyToMany<Label> labels = new ManyToMany<>();
}
