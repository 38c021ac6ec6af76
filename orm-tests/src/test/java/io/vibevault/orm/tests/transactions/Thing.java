package io.vibevault.orm.tests.transactions;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** Django's {@code transaction_hooks.Thing}: one number per row. */
@Meta(appLabel = "transactions", dbTable = "tx_thing")
public class Thing extends Model {
  public static final Manager<Thing> objects = Manager.of(Thing.class);

  @IntegerField public int num;
}
