package io.vibevault.orm.tests.conformance.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The conformance schema's {@code vault.Tag}. */
@Meta(appLabel = "vault")
public class Tag extends Model {
  public static final Manager<Tag> objects = Manager.of(Tag.class);

  @CharField(maxLength = 50, unique = true)
  public String name;

  public Tag() {}

  public Tag(String name) {
    this.name = name;
  }
}
