package io.vibevault.orm.tests.backends;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.BigIntegerField;
import io.vibevault.orm.model.fields.BinaryField;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.CheckConstraint;
import io.vibevault.orm.model.fields.DateField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.DecimalField;
import io.vibevault.orm.model.fields.DurationField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Index;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.PositiveIntegerField;
import io.vibevault.orm.model.fields.SmallIntegerField;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.model.fields.TimeField;
import io.vibevault.orm.model.fields.UUIDField;
import io.vibevault.orm.model.fields.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/** The models the backend tests use: every field kind, a foreign key, a many-to-many. */
final class BackendModels {
  private BackendModels() {}

  /** Referenced by items; a unique name. */
  @Meta(appLabel = "backendtest", dbTable = "bt_author")
  public static class Author extends Model {
    @CharField(maxLength = 100, unique = true)
    public String name;
  }

  /** The other side of the many-to-many. */
  @Meta(appLabel = "backendtest", dbTable = "bt_tag")
  public static class Tag extends Model {
    @CharField(maxLength = 50)
    public String label;
  }

  /** One column of every kind. */
  @Meta(
      appLabel = "backendtest",
      dbTable = "bt_item",
      indexes = @Index(fields = {"author", "-createdAt"}),
      uniqueConstraints =
          @UniqueConstraint(
              fields = {"author", "title"},
              name = "bt_item_author_title_uniq"),
      checkConstraints =
          @CheckConstraint(name = "bt_item_rating_range", check = "rating__range=[0, 10]"))
  public static class Item extends Model {
    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "items")
    public final Ref<Author> author = new Ref<>();

    @CharField(maxLength = 200)
    public String title;

    @TextField(nullable = true)
    public String body;

    @IntegerField(nullable = true)
    public Integer count;

    @BigIntegerField(nullable = true)
    public Long big;

    @SmallIntegerField(nullable = true)
    public Short small;

    @PositiveIntegerField(nullable = true)
    public Integer positive;

    @IntegerField(nullable = true)
    public Integer rating;

    @FloatField(nullable = true)
    public Double ratio;

    @DecimalField(maxDigits = 12, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @BooleanField(nullable = true)
    public Boolean flag;

    @DateField(nullable = true)
    public LocalDate day;

    @DateTimeField(nullable = true)
    public Instant createdAt;

    @TimeField(nullable = true)
    public LocalTime at;

    @DurationField(nullable = true)
    public Duration spent;

    @UUIDField(nullable = true)
    public UUID publicId;

    @JSONField(nullable = true)
    public Map<String, Object> data;

    @BinaryField(nullable = true)
    public byte[] blob;

    @ManyToManyField(relatedName = "items")
    public final ManyToMany<Tag> tags = new ManyToMany<>();
  }

  /** A table to add and remove columns on. */
  @Meta(appLabel = "backendtest", dbTable = "bt_note")
  public static class Note extends Model {
    @CharField(maxLength = 50)
    public String text;
  }

  /** {@link Note} after a migration added a NOT NULL column with a default. */
  @Meta(appLabel = "backendtest", dbTable = "bt_note")
  public static class NoteWithLevel extends Model {
    @CharField(maxLength = 50)
    public String text;

    @IntegerField(dbIndex = true)
    public int level = 3;
  }
}
