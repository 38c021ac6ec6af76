package io.vibevault.orm.tests.reliability;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A number many threads increment. */
@Meta(appLabel = "reliability", dbTable = "rel_counter")
public class Counter extends Model {
  public static final Manager<Counter> objects = Manager.of(Counter.class);

  @IntegerField public int value;
}
