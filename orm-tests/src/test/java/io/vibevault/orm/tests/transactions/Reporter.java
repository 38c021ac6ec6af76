package io.vibevault.orm.tests.transactions;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A row with a unique name, so integrity errors are easy to provoke. */
@Meta(appLabel = "transactions", dbTable = "tx_reporter")
public class Reporter extends Model {
  public static final Manager<Reporter> objects = Manager.of(Reporter.class);

  @CharField(maxLength = 50, unique = true)
  public String name;
}
