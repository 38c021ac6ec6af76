package io.vibevault.orm.tests.guide;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.OneToOneField;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;

/** The guide's {@code OneToOneField} example: one profile per user. */
@Meta(dbTable = "profiles")
public class Profile extends Model {
  public static final Manager<Profile> objects = Manager.of(Profile.class);

  @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "profile")
  public final Ref<User> user = new Ref<>();

  @TextField(blank = true)
  public String bio = "";
}
