package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.query.Prefetch;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;

/** docs/relationships.md, "prefetchRelated": the examples as written, their SQL recorded. */
@DatabaseTest(models = {User.class, Profile.class, Memory.class, Tag.class})
class PrefetchRelatedGuideTest {

  @DbTest
  void reverseForeignKeyAndNestedManyToMany() {
    GuideData data = GuideData.seed();
    Tag summer = Tag.objects.create("name", "summer");
    Tag fun = Tag.objects.create("name", "fun");
    data.vacation().tags.add(summer, fun);
    data.beach().tags.add(summer);

    List<User> users =
        GuideSql.capture(
            "prefetch.nested",
            () -> User.objects.prefetchRelated("memories__tags").orderBy("id").list());
    assertNoQueries(
        () -> {
          List<Memory> memories = users.get(0).prefetched("memories");
          assertThat(ids(memories)).containsExactly(2L, 1L, 3L);
          List<String> names = new ArrayList<>();
          for (Tag t : memories.get(0).tags.all()) {
            names.add(t.name);
          }
          assertThat(names).containsExactlyInAnyOrder("summer", "fun");
          assertThat(memories.get(2).tags.list()).isEmpty();
        });
    assertNumQueries(1, () -> memoriesTagged(users.get(0)));
  }

  private static long memoriesTagged(User u) {
    Memory first = u.<Memory>prefetched("memories").get(0);
    return first.tags.all().filter("name", "fun").count();
  }

  @DbTest
  void forwardForeignKey() {
    GuideData.seed();
    List<Memory> memories =
        GuideSql.capture("prefetch.forward", () -> Memory.objects.prefetchRelated("user").list());
    assertNoQueries(() -> assertThat(memories.get(0).user.get().username).isEqualTo("alice"));
  }

  @DbTest
  void prefetchWithAQuerySetAndToAttr() {
    GuideData.seed();
    List<User> users =
        GuideSql.capture(
            "prefetch.toAttr",
            () ->
                User.objects
                    .orderBy("id")
                    .prefetchRelated(
                        Prefetch.of(
                            "memories",
                            Memory.objects.filter("mediaType", MediaType.PHOTO),
                            "photos"))
                    .list());
    assertThat(ids(users.get(0).prefetched("photos"))).containsExactly(2L, 1L);
    assertThat(users.get(1).<Memory>prefetched("photos")).isEmpty();
  }
}
