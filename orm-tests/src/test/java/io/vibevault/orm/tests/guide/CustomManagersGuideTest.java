package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Custom managers": Memory.analyzed, the AnalyzedMemoryManager. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomManagersGuideTest {

  @Order(1)
  @DbTest
  void analyzedManager() {
    GuideData data = GuideData.seed();
    User requestUser = data.alice();

    var analyzed = Memory.analyzed.all(); // Only analyzed memories
    var positive = Memory.analyzed.positiveSentiment(); // Analyzed + positive
    var forUser = Memory.analyzed.forUser(requestUser); // Analyzed + user
    GuideSql.record("analyzed.all", analyzed.query());
    GuideSql.record("analyzed.positiveSentiment", positive.query());
    GuideSql.record("analyzed.forUser", forUser.query());

    assertThat(ids(analyzed)).containsExactly(4L, 1L);
    assertThat(ids(positive)).containsExactly(1L);
    assertThat(ids(forUser)).containsExactly(4L);
    assertThat(Memory.objects.count()).isEqualTo(5); // the default manager sees every row
    // Every manager method starts from getQuerySet()
    assertThat(Memory.analyzed.count()).isEqualTo(2);
    assertThat(Memory.analyzed.filter("mediaType", "text").count()).isEqualTo(1);
  }
}
