package io.vibevault.orm.tests.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 1 "JOINS": joins come from lookup paths across relations. */
@DatabaseTest(models = {User.class, Memory.class, Employee.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JoinsGuideTest {

  private static List<List<Object>> rows(String sql) {
    try (Cursor c = Database.connection().cursor()) {
      List<List<Object>> out = new ArrayList<>();
      for (Object[] row : c.execute(sql).fetchAll()) {
        out.add(Arrays.asList(row));
      }
      return out;
    }
  }

  @Order(1)
  @DbTest
  void innerJoinThroughAForwardRelation() {
    GuideData.seed();
    // SELECT m.title, u.username FROM memories m INNER JOIN users u ON m.user_id = u.id;
    var titlesAndOwners = Memory.objects.values("title", "user__username");
    // A filter across the relation joins the same way.
    var demosMemories = Memory.objects.filter("user__username", "demo");
    GuideSql.record("inner.values", titlesAndOwners.query());
    GuideSql.record("inner.filter", demosMemories.query());

    assertThat(titlesAndOwners.list())
        .containsExactly(
            Map.of("title", "Vacation plans", "user__username", "alice"),
            Map.of("title", "Summer vacation", "user__username", "demo"),
            Map.of("title", "Beach Day", "user__username", "demo"),
            Map.of("title", "Park walk", "user__username", "alice"),
            Map.of("title", "Voice note", "user__username", "demo"));
    assertThat(demosMemories.list())
        .extracting(m -> m.title)
        .containsExactly("Summer vacation", "Beach Day", "Voice note");
    assertThat(
            rows(
                "SELECT m.title, u.username FROM memories m INNER JOIN users u ON m.user_id = u.id"
                    + " ORDER BY m.id"))
        .containsExactly(
            List.of("Beach Day", "demo"),
            List.of("Summer vacation", "demo"),
            List.of("Voice note", "demo"),
            List.of("Vacation plans", "alice"),
            List.of("Park walk", "alice"));
  }

  @Order(2)
  @DbTest
  void rightJoinAsAReverseLookupFromUsers() {
    GuideData.seed();
    User.objects.create("username", "bob"); // no memories
    // SELECT m.title, u.username FROM memories m RIGHT JOIN users u ON m.user_id = u.id;
    // is every user with their memories: start from User and follow the reverse relation.
    var everyUser =
        User.objects.values("username", "memories__title").orderBy("id", "memories__id");
    GuideSql.record("right.values", everyUser.query());

    List<List<Object>> pairs = new ArrayList<>();
    everyUser.forEach(r -> pairs.add(Arrays.asList(r.get("memories__title"), r.get("username"))));
    List<List<Object>> expected =
        List.of(
            Arrays.asList("Beach Day", "demo"),
            Arrays.asList("Summer vacation", "demo"),
            Arrays.asList("Voice note", "demo"),
            Arrays.asList("Vacation plans", "alice"),
            Arrays.asList("Park walk", "alice"),
            Arrays.asList(null, "bob"));
    assertThat(pairs).isEqualTo(expected);
    assertThat(
            rows(
                "SELECT m.title, u.username FROM memories m RIGHT JOIN users u ON m.user_id = u.id"
                    + " ORDER BY u.id, m.id"))
        .isEqualTo(expected);
  }

  @Order(3)
  @DbTest
  void selfJoinThroughANullableForeignKey() {
    Employee grace = Employee.objects.create("name", "Grace");
    Employee alan = Employee.objects.create("name", "Alan", "manager", grace);
    Employee.objects.create("name", "Ada", "manager", alan);
    // SELECT e.name, m.name as manager FROM employees e LEFT JOIN employees m ON e.manager_id =
    // m.id;
    var withManagers = Employee.objects.values("name", "manager__name").orderBy("id");
    GuideSql.record("self.values", withManagers.query());

    List<List<Object>> expected =
        List.of(
            Arrays.asList("Grace", null),
            Arrays.asList("Alan", "Grace"),
            Arrays.asList("Ada", "Alan"));
    List<List<Object>> got = new ArrayList<>();
    withManagers.forEach(r -> got.add(Arrays.asList(r.get("name"), r.get("manager__name"))));
    assertThat(got).isEqualTo(expected);
    assertThat(
            rows(
                "SELECT e.name, m.name as manager FROM employees e"
                    + " LEFT JOIN employees m ON e.manager_id = m.id ORDER BY e.id"))
        .isEqualTo(expected);
    // Filtering across the self relation: an INNER JOIN, since a NULL manager cannot match.
    assertThat(Employee.objects.filter("manager__name", "Grace").list())
        .extracting(e -> e.name)
        .containsExactly("Alan");
    GuideSql.record("self.filter", Employee.objects.filter("manager__name", "Grace").query());
  }
}
