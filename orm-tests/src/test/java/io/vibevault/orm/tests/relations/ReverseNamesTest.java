package io.vibevault.orm.tests.relations;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.query.RelatedManager;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.List;
import java.util.Map;

/**
 * Reverse names without {@code relatedName} (the model name, or Django's {@code <model>_set}), a
 * hidden reverse side ({@code "+"}), and a foreign key to a non-primary-key field ({@code
 * toField}).
 */
@DatabaseTest(models = {Team.class, Person.class, Member.class})
class ReverseNamesTest {
  private static Member member(String name, Team team) {
    Member m = new Member();
    m.name = name;
    if (team != null) {
      m.team.set(team);
    }
    m.save();
    return m;
  }

  private static List<String> names(RelatedManager<Member> members) {
    return members.orderBy("name").valuesList("name").flat().list().stream()
        .map(String::valueOf)
        .toList();
  }

  @DbTest
  void defaultNameAndDjangosSetAccessorBothWork() {
    Team red = Team.objects.create(Map.of("slug", "red"));
    member("ann", red);
    member("ben", null);
    assertThat(assertNumQueries(1, () -> red.related(Member.class, "member").count())).isEqualTo(1);
    assertThat(names(red.related(Member.class, "member_set"))).containsExactly("ann");
  }

  @DbTest
  void toFieldUsesTheTargetFieldsValue() {
    Team red = Team.objects.create(Map.of("slug", "red"));
    Team blue = Team.objects.create(Map.of("slug", "blue"));
    Member ann = member("ann", blue);
    Member ben = member("ben", null);
    RelatedManager<Member> members = red.related(Member.class, "member");

    Member cat = members.create(Map.of("name", "cat"));
    assertThat(cat.team.id()).isEqualTo("red");
    assertNumQueries(1, () -> members.add(ann, ben));
    assertThat(ann.team.id()).isEqualTo("red");
    assertThat(names(members)).containsExactly("ann", "ben", "cat");
    assertThat(Member.objects.filter("team", "red").count()).isEqualTo(3);

    assertNumQueries(1, () -> members.remove(ben));
    assertThat(names(members)).containsExactly("ann", "cat");
    members.set(List.of(ben));
    assertThat(names(members)).containsExactly("ben");
    assertThat(blue.related(Member.class, "member").exists()).isFalse();
    members.clear();
    assertThat(Member.objects.filter("team__isnull", true).count()).isEqualTo(3);
  }

  @DbTest
  void aHiddenReverseSideIsNotAvailable() {
    Person ada = Person.objects.create(Map.of("name", "ada"));
    assertThatThrownBy(() -> ada.related(Member.class, "+"))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("Person has no reverse relation");
    assertThatThrownBy(() -> ada.related(Member.class, "member"))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("Person has no reverse relation 'member'");
  }
}
