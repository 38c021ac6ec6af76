package io.vibevault.orm.tests.introspection;

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
import io.vibevault.orm.model.fields.SmallIntegerField;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.model.fields.TimeField;
import io.vibevault.orm.model.fields.UUIDField;
import io.vibevault.orm.model.fields.UniqueConstraint;
import io.vibevault.orm.query.Manager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/** Models whose schema the introspection and inspectdb tests read back: every kind of column. */
public final class SchemaModels {
  private SchemaModels() {}

  /** Referenced twice by books; a unique name. */
  @Meta(
      appLabel = "introspection",
      dbTable = "is_shelf",
      dbTableComment = "Where books stand: it's a \"shelf\"")
  public static class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 60, unique = true)
    public String name;
  }

  /** The other side of the many-to-many. */
  @Meta(appLabel = "introspection", dbTable = "is_genre")
  public static class Genre extends Model {
    public static final Manager<Genre> objects = Manager.of(Genre.class);

    @CharField(maxLength = 30)
    public String label;
  }

  /** One column of every kind, two keys to one table, an index, a unique and a check. */
  @Meta(
      appLabel = "introspection",
      dbTable = "is_book",
      indexes =
          @Index(
              fields = {"shelf", "-publishedOn"},
              name = "is_book_shelf_pub_idx"),
      uniqueConstraints =
          @UniqueConstraint(
              fields = {"shelf", "title"},
              name = "is_book_shelf_title_uniq"),
      checkConstraints = @CheckConstraint(name = "is_book_pages_positive", check = "pages__gte=0"))
  public static class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public final Ref<Shelf> shelf = new Ref<>();

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "returns")
    public final Ref<Shelf> returnShelf = new Ref<>();

    @CharField(maxLength = 200, dbComment = "The title as printed (no subtitle)")
    public String title;

    @TextField(nullable = true)
    public String summary;

    @IntegerField public Integer pages;

    @BigIntegerField(nullable = true)
    public Long isbn;

    @SmallIntegerField(nullable = true)
    public Short edition;

    @FloatField(nullable = true)
    public Double rating;

    @DecimalField(maxDigits = 8, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @BooleanField(nullable = true)
    public Boolean inPrint;

    @DateField(nullable = true)
    public LocalDate publishedOn;

    @DateTimeField(nullable = true)
    public Instant addedAt;

    @TimeField(nullable = true)
    public LocalTime readAt;

    @DurationField(nullable = true)
    public Duration readingTime;

    @UUIDField(nullable = true)
    public UUID publicId;

    @JSONField(nullable = true)
    public Map<String, Object> extra;

    @BinaryField(nullable = true)
    public byte[] cover;

    @CharField(maxLength = 20, nullable = true, dbColumn = "Legacy Code")
    public String legacyCode;

    @ManyToManyField(relatedName = "books")
    public final ManyToMany<Genre> genres = new ManyToMany<>();
  }
}
