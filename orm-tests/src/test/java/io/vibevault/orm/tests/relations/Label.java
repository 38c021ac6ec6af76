package io.vibevault.orm.tests.relations;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The target of {@code Note.labels}; its reverse side is {@code notes}. */
@Meta(appLabel = "relations")
public class Label extends Model {
  public static final Manager<Label> objects = Manager.of(Label.class);

  @CharField(maxLength = 50, unique = true)
  public String name;
}
