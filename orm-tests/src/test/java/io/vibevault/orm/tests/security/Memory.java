package io.vibevault.orm.tests.security;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.CheckConstraint;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A journal entry: the target of every hostile filter, ordering and JSON path. */
@Meta(
    appLabel = "security",
    checkConstraints =
        @CheckConstraint(name = "security_memory_views_gte_0", check = "views__gte=0"))
public class Memory extends Model {
  public static final Manager<Memory> objects = Manager.of(Memory.class);

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "memories")
  public final Ref<User> user = new Ref<>();

  @CharField(maxLength = 255)
  public String title;

  @TextField(blank = true)
  public String text = "";

  @JSONField(blank = true)
  public Map<String, Object> metricsJson = new LinkedHashMap<>();

  @DateTimeField public Instant createdAt;

  @IntegerField public int views = 0;
}
