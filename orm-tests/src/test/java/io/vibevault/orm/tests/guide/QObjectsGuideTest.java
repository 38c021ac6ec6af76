package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Q objects", and the F comparison of "Annotations and aggregations". */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QObjectsGuideTest {
  private GuideData data;

  private void seed() {
    data = GuideData.seed();
  }

  @Order(1)
  @DbTest
  void or() {
    seed();
    var qs = Memory.objects.filter(Q.of("mediaType", "photo").or(Q.of("mediaType", "audio")));
    GuideSql.record("or", qs.query());
    assertThat(ids(qs)).containsExactly(2L, 1L, 3L);
  }

  @Order(2)
  @DbTest
  void andWithOr() {
    seed();
    User user = data.demo();
    var qs =
        Memory.objects.filter(
            Q.of("user", user).and(Q.of("mediaType", "photo").or(Q.of("mediaType", "audio"))));
    GuideSql.record("andOr", qs.query());
    assertThat(ids(qs)).containsExactly(2L, 1L, 3L);
    assertThat(
            Memory.objects
                .filter(
                    Q.of("user", data.alice())
                        .and(Q.of("mediaType", "photo").or(Q.of("mediaType", "audio"))))
                .exists())
        .isFalse();
  }

  @Order(3)
  @DbTest
  void not() {
    seed();
    var qs = Memory.objects.filter(Q.of("analysisStatus", "pending").not());
    GuideSql.record("not", qs.query());
    assertThat(ids(qs)).containsExactly(4L, 1L, 5L, 3L); // NULL status kept, as in Django
  }

  @Order(4)
  @DbTest
  void complex() {
    seed();
    User user = data.demo();
    String query = "beach";
    var qs =
        Memory.objects.filter(
            Q.of("title__icontains", query).or(Q.of("text__icontains", query)),
            "user",
            user,
            "analysisStatus",
            "done");
    GuideSql.record("complex", qs.query());
    assertThat(ids(qs)).containsExactly(1L);
  }

  @Order(5)
  @DbTest
  void fComparesTwoColumns() {
    seed();
    var qs = Memory.objects.filter("updatedAt__gt", F.of("createdAt"));
    GuideSql.record("f", qs.query());
    assertThat(qs.count()).isEqualTo(5); // every seeded row was saved after its createdAt
  }
}
