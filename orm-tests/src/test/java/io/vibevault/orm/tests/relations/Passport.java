package io.vibevault.orm.tests.relations;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.OneToOneField;
import io.vibevault.orm.query.Manager;

/** A one-to-one towards Person, reverse {@code passport}. */
@Meta(appLabel = "relations")
public class Passport extends Model {
  public static final Manager<Passport> objects = Manager.of(Passport.class);

  @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "passport")
  public final Ref<Person> owner = new Ref<>();

  @CharField(maxLength = 20)
  public String number;
}
