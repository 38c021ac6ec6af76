package io.vibevault.orm.tests.guide.start;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** docs/getting-started.md, step 2. */
@Meta(dbTable = "tags")
public class Tag extends Model {
  public static final Manager<Tag> objects = Manager.of(Tag.class);

  @CharField(maxLength = 50)
  public String name;
}
