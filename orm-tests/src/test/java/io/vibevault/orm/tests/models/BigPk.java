package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BigAutoField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** An explicit 64-bit auto primary key under another name and column. */
@Meta(appLabel = "models")
public class BigPk extends Model {
  public static final Manager<BigPk> objects = Manager.of(BigPk.class);

  @BigAutoField(primaryKey = true, dbColumn = "big_code")
  public Long code;

  @CharField(maxLength = 10)
  public String label = "";
}
