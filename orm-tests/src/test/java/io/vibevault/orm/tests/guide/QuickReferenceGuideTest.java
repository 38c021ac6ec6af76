package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.List;

/** Guide, "Quick reference": the SQL to ORM mapping table, row by row. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
class QuickReferenceGuideTest {

  @DbTest
  void sqlToOrmMapping() {
    GuideData data = GuideData.seed();
    // SELECT * FROM memories
    assertThat(Memory.objects.all().list()).hasSize(5);
    // WHERE id = 5
    assertThat(Memory.objects.get("id", 5).title).isEqualTo("Park walk");
    assertThat(ids(Memory.objects.filter("id", 5))).containsExactly(5L);
    // WHERE title LIKE '%beach%'  (case-insensitive: icontains)
    assertThat(ids(Memory.objects.filter("title__icontains", "beach"))).containsExactly(1L);
    // WHERE status IN (...)
    assertThat(ids(Memory.objects.filter("analysisStatus__in", List.of("done", "failed"))))
        .containsExactly(4L, 1L, 5L);
    // ORDER BY created_at DESC
    assertThat(ids(Memory.objects.orderBy("-createdAt"))).isEqualTo(GuideData.NEWEST_FIRST);
    // LIMIT 10
    assertThat(Memory.objects.all().slice(0, 10).list()).hasSize(5);
    // COUNT(*)
    assertThat(Memory.objects.count()).isEqualTo(5);
    // INNER JOIN (selectRelated comes later; a lookup or values path joins today)
    assertThat(Memory.objects.filter("user__username", "alice").count()).isEqualTo(2);
    // INSERT INTO
    Memory created =
        Memory.objects.create(
            "user",
            data.alice(),
            "title",
            "Quick",
            "text",
            "",
            "mediaType",
            MediaType.TEXT,
            "mediaFile",
            "");
    // UPDATE ... SET
    assertThat(Memory.objects.filter("id", created.id).update("title", "Quicker")).isEqualTo(1);
    // DELETE FROM
    assertThat(Memory.objects.filter("id", created.id).delete().total()).isEqualTo(1);
    assertThat(Memory.objects.count()).isEqualTo(5);
  }
}
