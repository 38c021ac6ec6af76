package io.vibevault.orm.tests.guide.start;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** docs/getting-started.md, step 2. */
@Meta(dbTable = "users")
public class User extends Model {
  public static final Manager<User> objects = Manager.of(User.class);

  @CharField(maxLength = 150, unique = true)
  public String username;
}
