package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/**
 * The target of Book's foreign keys. Kept apart from Author so that QueriesTest, which deletes
 * authors, never needs Book's table.
 */
@Meta(appLabel = "queries")
public class Writer extends Model {
  public static final Manager<Writer> objects = Manager.of(Writer.class);

  @CharField(maxLength = 50, unique = true)
  public String name;

  @CharField(maxLength = 30, nullable = true)
  public String country;
}
