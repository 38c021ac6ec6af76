package io.vibevault.orm.tests.conformance.models;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance schema's {@code vault.Memory} (table {@code memories}, ordered by {@code
 * -createdAt}); media type and analysis status are plain strings ("text", "done", ...).
 */
@Meta(appLabel = "vault", dbTable = "memories", ordering = "-createdAt")
public class Memory extends Model {
  public static final Manager<Memory> objects = Manager.of(Memory.class);

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "memories")
  public final Ref<User> user = new Ref<>();

  @CharField(maxLength = 255)
  public String title;

  @TextField public String text;

  @CharField(maxLength = 20)
  public String mediaType;

  @CharField(maxLength = 255, blank = true)
  public String mediaFile = "";

  @JSONField public Map<String, Object> metricsJson = new LinkedHashMap<>();

  @CharField(maxLength = 20, nullable = true)
  public String analysisStatus;

  @FloatField(nullable = true)
  public Double sentimentScore;

  @IntegerField public int wordCount = 0;

  @IntegerField public int viewCount = 0;

  @IntegerField public int likeCount = 0;

  @BooleanField public boolean isDeleted = false;

  @DateTimeField public Instant createdAt;

  @DateTimeField public Instant updatedAt;

  @ManyToManyField(relatedName = "memories", dbTable = "memories_tags")
  public final ManyToMany<Tag> tags = new ManyToMany<>();
}
