package io.vibevault.orm.tests.backends;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A one-column model for the configuration tests. */
@Meta(appLabel = "backends")
public class Setting extends Model {
  public static final Manager<Setting> objects = Manager.of(Setting.class);

  @CharField(maxLength = 40)
  public String name;
}
