package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.OneToOneField;
import io.vibevault.orm.query.Manager;

/** One profile per user. */
@Meta(appLabel = "models")
public class Profile extends Model {
  public static final Manager<Profile> objects = Manager.of(Profile.class);

  @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "profile")
  public final Ref<User> user = new Ref<>();

  @CharField(maxLength = 100, blank = true)
  public String bio = "";
}
