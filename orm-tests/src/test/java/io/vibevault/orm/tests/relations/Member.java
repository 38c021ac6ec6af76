package io.vibevault.orm.tests.relations;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/**
 * A nullable foreign key to Team's slug without {@code relatedName} (reverse {@code member}, Django
 * accessor {@code member_set}), and a hidden one to Person ({@code relatedName = "+"}).
 */
@Meta(appLabel = "relations")
public class Member extends Model {
  public static final Manager<Member> objects = Manager.of(Member.class);

  @CharField(maxLength = 50)
  public String name;

  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, toField = "slug")
  public final Ref<Team> team = new Ref<>();

  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true, relatedName = "+")
  public final Ref<Person> sponsor = new Ref<>();
}
