package io.vibevault.orm.tests.guide.start;

import static io.vibevault.orm.model.OnDelete.CASCADE;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.tests.guide.MediaType;
import java.time.Instant;

/** docs/getting-started.md, step 2: defaults given as Java initializers. */
@Meta(dbTable = "memories", ordering = "-createdAt")
public class Memory extends Model {
  public static final Manager<Memory> objects = Manager.of(Memory.class);

  @ForeignKey(onDelete = CASCADE, relatedName = "memories")
  public final Ref<User> user = new Ref<>();

  @CharField(maxLength = 255)
  public String title;

  @TextField public String text = "";

  @CharField(maxLength = 20)
  public MediaType mediaType = MediaType.TEXT;

  @DateTimeField(autoNowAdd = true)
  public Instant createdAt;

  @ManyToManyField(relatedName = "memories")
  public final ManyToMany<Tag> tags = new ManyToMany<>();
}
