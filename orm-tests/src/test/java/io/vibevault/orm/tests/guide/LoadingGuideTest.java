package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.AllowNPlusOne;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Guide, "select_related and prefetch_related": the N+1 problem and its cure with selectRelated
 * (docs/loading.md). prefetchRelated comes with its own change.
 */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
class LoadingGuideTest {

  @DbTest
  @AllowNPlusOne("the guide's N+1 example, counted before selectRelated removes it")
  void selectRelatedLoadsTheUserInTheSameQuery() {
    GuideData.seed();
    List<String> owners = new ArrayList<>();
    // memories = Memory.objects.all(); for memory in memories: print(memory.user.username)
    assertNumQueries(
        1 + 5,
        () -> {
          for (Memory memory : Memory.objects.all().list()) {
            owners.add(memory.user.get().username); // one query per memory
          }
        });
    // memories = Memory.objects.select_related('user').all()
    List<String> again = new ArrayList<>();
    QuerySet<Memory> memories = Memory.objects.selectRelated("user").all();
    GuideSql.record("selectRelated.user", memories.query());
    assertNumQueries(
        1,
        () -> {
          for (Memory memory : memories) {
            again.add(memory.user.get().username); // no extra queries
          }
        });
    assertThat(again).isEqualTo(owners);
  }

  @DbTest
  void onlyAcrossTheRelation() {
    GuideData.seed();
    QuerySet<Memory> memories =
        Memory.objects.selectRelated("user").only("title", "user__username").orderBy("title");
    GuideSql.record("selectRelated.only", memories.query());
    Memory first = assertNumQueries(1, () -> memories.list().get(0));
    User owner = assertNoQueries(() -> first.user.get());
    assertThat(first.isDeferred("text")).isTrue();
    assertThat(owner.username).isEqualTo("demo");
    assertThat(owner.isDeferred("email")).isTrue();
  }

  @DbTest
  void aBadPathIsAFieldError() {
    assertNumQueries(
        0,
        () ->
            assertThatThrownBy(() -> Memory.objects.selectRelated("tags"))
                .isInstanceOf(FieldError.class)
                .hasMessage(
                    "Invalid field name(s) given in select_related: 'tags' (many-to-many: use"
                        + " prefetchRelated) on guide.Memory. Choices are: user"));
  }
}
