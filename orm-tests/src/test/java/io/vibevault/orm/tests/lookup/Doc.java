package io.vibevault.orm.tests.lookup;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;
import java.util.Map;

/** A JSON column for the key-transform and JSON lookup tests. */
@Meta(appLabel = "lookup")
public class Doc extends Model {
  public static final Manager<Doc> objects = Manager.of(Doc.class);

  @CharField(maxLength = 20)
  public String name;

  @JSONField(nullable = true)
  public Map<String, Object> data;
}
