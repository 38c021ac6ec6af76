package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.FileField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Index;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guide's Memory model. Its {@code objects} is a QuerySet subclass serving as the manager
 * (Django's {@code as_manager()}); {@code analyzed} is the guide's custom manager.
 */
@Meta(
    appLabel = "models",
    dbTable = "memories",
    ordering = "-createdAt",
    verboseNamePlural = "memories",
    indexes = @Index(fields = {"user", "createdAt"}))
public class Memory extends Model {
  public static final MemoryQuerySet objects = new MemoryQuerySet();
  public static final AnalyzedMemoryManager analyzed = new AnalyzedMemoryManager();

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "memories")
  public final Ref<User> user = new Ref<>();

  @CharField(maxLength = 255)
  public String title;

  @TextField public String text = "";

  @CharField(maxLength = 20)
  public MediaType mediaType = MediaType.TEXT;

  @FileField(uploadTo = "memories/%Y/%m/%d/", blank = true)
  public String mediaFile = "";

  @JSONField public Map<String, Object> metricsJson = new LinkedHashMap<>();

  @CharField(maxLength = 20, nullable = true, dbIndex = true)
  public AnalysisStatus analysisStatus;

  @DateTimeField(autoNowAdd = true)
  public Instant createdAt;

  @DateTimeField(autoNow = true)
  public Instant updatedAt;

  @ManyToManyField(relatedName = "memories")
  public final ManyToMany<Tag> tags = new ManyToMany<>();
}
