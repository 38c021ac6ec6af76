package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.query.DeleteResult;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Deleting": one object, a QuerySet, cascades, and the soft-delete pattern. */
@DatabaseTest(models = {User.class, Profile.class, Memory.class, Tag.class, SoftMemory.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeletingGuideTest {
  private GuideData data;

  private void seed() {
    data = GuideData.seed();
  }

  @Order(1)
  @DbTest
  void deleteOneObject() {
    seed();
    Memory memory = Memory.objects.get("id", 5);
    DeleteResult result = GuideSql.capture("delete.single", memory::delete);
    assertThat(result.total()).isEqualTo(1);
    assertThat(result.perModel()).containsEntry("guide.Memory", 1L);
    assertThat(Memory.objects.filter("id", 5).exists()).isFalse();
  }

  @Order(2)
  @DbTest
  void deleteAQuerySet() {
    seed();
    User user = data.alice();
    DeleteResult result =
        GuideSql.capture(
            "delete.bulk",
            () -> Memory.objects.filter("user", user, "analysisStatus", "failed").delete());
    assertThat(result.total()).isEqualTo(1);
    assertThat(ids(Memory.objects.filter("user", user))).containsExactly(4L);
  }

  @Order(3)
  @DbTest
  void deletingAUserCascadesToMemoriesAndProfile() {
    seed();
    User user = data.demo();
    Profile.objects.create("user", user, "bio", "Likes beaches");
    Tag fun = Tag.objects.create("name", "fun");
    data.beach().tags.add(fun);

    DeleteResult result = GuideSql.capture("delete.cascade", user::delete);
    assertThat(result.perModel())
        .containsEntry("guide.User", 1L)
        .containsEntry("guide.Memory", 3L)
        .containsEntry("guide.Profile", 1L)
        .containsEntry("guide.Memory_tags", 1L);
    assertThat(result.total()).isEqualTo(6);
    assertThat(ids(Memory.objects.all())).containsExactly(4L, 5L);
    assertThat(Tag.objects.count()).isEqualTo(1); // the tag itself stays
  }

  @Order(4)
  @DbTest
  void deletingAUserWithoutProfileCascadesToMemories() {
    seed();
    User user = data.demo();
    DeleteResult result = user.delete();
    assertThat(result.perModel()).containsEntry("guide.User", 1L).containsEntry("guide.Memory", 3L);
    assertThat(ids(Memory.objects.all())).containsExactly(4L, 5L);
  }

  @Order(5)
  @DbTest
  void softDelete() {
    SoftMemory kept = SoftMemory.activeObjects.create("title", "Kept");
    SoftMemory gone = SoftMemory.activeObjects.create("title", "Gone");

    GuideSql.capture("softDelete.delete", gone::delete);
    var visible = SoftMemory.activeObjects.all();
    GuideSql.record("softDelete.default", visible.query());

    assertThat(gone.isDeleted).isTrue();
    assertThat(visible.list()).containsExactly(kept);
    assertThat(SoftMemory.allObjects.count()).isEqualTo(2); // the row is still there
    assertThat(SoftMemory.allObjects.get("id", gone.id).isDeleted).isTrue();
  }
}
