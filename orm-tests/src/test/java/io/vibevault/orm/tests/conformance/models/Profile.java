package io.vibevault.orm.tests.conformance.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.DateField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.OneToOneField;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;
import java.time.LocalDate;

/** The conformance schema's {@code vault.Profile}: one-to-one to User (reverse {@code profile}). */
@Meta(appLabel = "vault")
public class Profile extends Model {
  public static final Manager<Profile> objects = Manager.of(Profile.class);

  @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "profile")
  public final Ref<User> user = new Ref<>();

  @TextField public String bio;

  @DateField(nullable = true)
  public LocalDate birthDate;
}
