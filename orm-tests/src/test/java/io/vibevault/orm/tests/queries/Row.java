package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** Many small rows for streaming. */
@Meta(appLabel = "queries")
public class Row extends Model {
  public static final Manager<Row> objects = Manager.of(Row.class);

  @IntegerField public int n;

  @CharField(maxLength = 40)
  public String payload = "";
}
