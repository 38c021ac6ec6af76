package io.vibevault.orm.tests.conformance.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;
import java.time.Instant;

/** The conformance schema's {@code vault.User} (table {@code vault_user}). */
@Meta(appLabel = "vault")
public class User extends Model {
  public static final Manager<User> objects = Manager.of(User.class);

  @CharField(maxLength = 150, unique = true)
  public String username;

  @CharField(maxLength = 254, unique = true)
  public String email;

  @BooleanField public boolean isActive = true;

  @DateTimeField public Instant dateJoined;
}
