package io.vibevault.orm.tests.relations;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** Referenced by its unique {@code slug} ({@code Member.team} has {@code toField = "slug"}). */
@Meta(appLabel = "relations")
public class Team extends Model {
  public static final Manager<Team> objects = Manager.of(Team.class);

  @CharField(maxLength = 30, unique = true)
  public String slug;
}
