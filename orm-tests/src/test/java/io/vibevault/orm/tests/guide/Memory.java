package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.model.OnDelete.CASCADE;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
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
import io.vibevault.orm.query.Manager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The guide's VibeVault {@code Memory}, exactly as DESIGN.md declares it. */
@Meta(
    dbTable = "memories",
    ordering = "-createdAt",
    verboseNamePlural = "memories",
    indexes = @Index(fields = {"user", "createdAt"}))
public class Memory extends Model {
  public static final Manager<Memory> objects = Manager.of(Memory.class);
  public static final AnalyzedMemoryManager analyzed = new AnalyzedMemoryManager();

  @ForeignKey(onDelete = CASCADE, relatedName = "memories")
  public final Ref<User> user = new Ref<>();

  @CharField(maxLength = 255)
  public String title;

  @TextField public String text;

  @CharField(maxLength = 20)
  public MediaType mediaType; // enum implementing Choices

  @FileField(uploadTo = "memories/%Y/%m/%d/", blank = true)
  public String mediaFile;

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
