package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.Meta;
import java.time.Instant;

/** An abstract base model: no table of its own, its fields inherited by subclasses. */
@Meta(appLabel = "models", isAbstract = true, ordering = "-createdAt")
public abstract class Timestamped extends Model {
  @DateTimeField(autoNowAdd = true)
  public Instant createdAt;

  @DateTimeField(autoNow = true)
  public Instant updatedAt;
}
