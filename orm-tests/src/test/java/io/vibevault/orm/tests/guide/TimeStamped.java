package io.vibevault.orm.tests.guide;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.Meta;
import java.time.Instant;

/** docs/models.md: an abstract model, no table of its own. */
@Meta(isAbstract = true)
public abstract class TimeStamped extends Model {
  @DateTimeField(autoNowAdd = true)
  public Instant createdAt;

  @DateTimeField(autoNow = true)
  public Instant updatedAt;
}
