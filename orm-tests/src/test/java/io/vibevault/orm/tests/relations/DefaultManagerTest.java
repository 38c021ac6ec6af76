package io.vibevault.orm.tests.relations;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.Map;

/** Related managers start from the related model's default manager ({@code defaultManagerName}). */
@DatabaseTest(models = {Person.class, Label.class, Draft.class})
class DefaultManagerTest {
  @DbTest
  void rowsTheDefaultManagerHidesStayHidden() {
    Person ada = Person.objects.create(Map.of("name", "ada"));
    Label work = Label.objects.create(Map.of("name", "work"));
    Draft kept = Draft.everything.create(Map.of("title", "kept", "author", ada));
    Draft gone = Draft.everything.create(Map.of("title", "gone", "author", ada, "discarded", true));
    work.related(Draft.class, "drafts").add(kept, gone);

    assertThat(assertNumQueries(1, () -> ada.related(Draft.class, "drafts").count())).isEqualTo(1);
    assertThat(ada.related(Draft.class, "drafts").all().list()).containsExactly(kept);
    assertThat(work.related(Draft.class, "drafts").all().list()).containsExactly(kept);
    assertThat(Draft.everything.filter("author", ada).count()).isEqualTo(2);
    assertThat(Draft.everything.filter("labels", work).count()).isEqualTo(2);
  }
}
