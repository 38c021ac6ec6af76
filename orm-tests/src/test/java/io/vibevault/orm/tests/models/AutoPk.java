package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.AutoField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** An explicit 32-bit auto primary key instead of the implicit id. */
@Meta(appLabel = "models")
public class AutoPk extends Model {
  public static final Manager<AutoPk> objects = Manager.of(AutoPk.class);

  @AutoField(primaryKey = true)
  public Integer number;

  @CharField(maxLength = 10)
  public String label = "";
}
