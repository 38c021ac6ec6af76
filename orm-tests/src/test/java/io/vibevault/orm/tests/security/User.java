package io.vibevault.orm.tests.security;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.EmailField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** An account whose password hash may never appear in a lookup, ordering or values path. */
@Meta(appLabel = "security", sensitiveFields = "password")
public class User extends Model {
  public static final Manager<User> objects = Manager.of(User.class);

  @CharField(maxLength = 150, unique = true)
  public String username;

  @EmailField(blank = true)
  public String email = "";

  @CharField(maxLength = 128, blank = true)
  public String password = "";
}
