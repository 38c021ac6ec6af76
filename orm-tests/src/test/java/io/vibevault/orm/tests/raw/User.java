package io.vibevault.orm.tests.raw;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The guide's {@code users} table, reduced to a name. */
@Meta(appLabel = "raw", dbTable = "users")
public class User extends Model {
  public static final Manager<User> objects = Manager.of(User.class);

  @CharField(maxLength = 50)
  public String username;
}
