package io.vibevault.orm.tests.models;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.List;

/** ForeignKey, OneToOneField and ManyToManyField: stored, constrained, loaded, looked up. */
@DatabaseTest(models = {User.class, Profile.class, Memory.class, Tag.class})
class RelationsTest {

  private static Memory memory(User user, String title) {
    Memory m = new Memory();
    m.user.set(user);
    m.title = title;
    m.save();
    return m;
  }

  @DbTest
  void aForeignKeyIsStoredInItsIdColumn() {
    User ada = User.objects.create("username", "ada");
    Memory m = memory(ada, "beach");
    assertThat(m.user.id()).isEqualTo(ada.id);
    try (Cursor c = Database.connection().cursor()) {
      c.execute("SELECT user_id FROM memories WHERE id = %s", m.id);
      assertThat(((Number) c.fetchOne()[0]).longValue()).isEqualTo(ada.id);
    }
    assertThat(ModelMeta.of(Memory.class).field("user").column()).isEqualTo("user_id");
    assertThat(ModelMeta.of(Memory.class).field("user").attname()).isEqualTo("userId");
  }

  @DbTest
  void theDatabaseRefusesAForeignKeyToNothing() {
    User ada = User.objects.create("username", "ada");
    Memory m = new Memory();
    m.user.setId(ada.id + 1000);
    m.title = "orphan";
    assertThatThrownBy(m::save).isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> Memory.objects.create("title", "orphan", "userId", 424242L))
        .isInstanceOf(IntegrityError.class);
    assertThat(Memory.objects.count()).isZero();
    Memory ok = memory(ada, "fine");
    assertThatThrownBy(() -> Memory.objects.filter("pk", ok.id).update("user", 999_999L))
        .isInstanceOf(IntegrityError.class);
  }

  @DbTest
  void anUnsavedTargetIsRefused() {
    User unsaved = new User();
    unsaved.username = "ghost";
    Memory m = new Memory();
    m.user.set(unsaved);
    m.title = "x";
    var ran =
        Database.captureQueries(
            () -> assertThatThrownBy(m::save).isInstanceOf(ValidationError.class));
    assertThat(ran).isEmpty();
  }

  @DbTest
  void getLoadsTheTargetOnceAndIdNeverQueries() {
    User ada = User.objects.create("username", "ada");
    memory(ada, "beach");
    Memory loaded = Memory.objects.get("title", "beach");
    assertNoQueries(() -> assertThat(loaded.user.id()).isEqualTo(ada.id));
    assertThat(loaded.user.isLoaded()).isFalse();
    User first = assertNumQueries(1, () -> loaded.user.get());
    assertThat(first.username).isEqualTo("ada");
    assertNoQueries(() -> assertThat(loaded.user.get()).isSameAs(first));
    assertThat(loaded.user.isLoaded()).isTrue();
    User bob = User.objects.create("username", "bob");
    loaded.user.setId(bob.id);
    assertThat(assertNumQueries(1, () -> loaded.user.get()).username).isEqualTo("bob");
    loaded.user.set(ada);
    assertNoQueries(() -> assertThat(loaded.user.get()).isSameAs(ada));
    assertThat(loaded.user.id()).isEqualTo(ada.id);
  }

  @DbTest
  void oneToOneIsUniqueAndLoadsLikeAForeignKey() {
    User ada = User.objects.create("username", "ada");
    Profile p = Profile.objects.create("user", ada, "bio", "hi");
    assertThatThrownBy(() -> Profile.objects.create("user", ada, "bio", "again"))
        .isInstanceOf(IntegrityError.class);
    Profile loaded = Profile.objects.get("pk", p.id);
    assertThat(assertNumQueries(1, () -> loaded.user.get()).username).isEqualTo("ada");
    assertThat(Profile.objects.filter("user__username", "ada").count()).isEqualTo(1);
    assertThat(ModelMeta.of(Profile.class).field("user").isUnique()).isTrue();
  }

  @DbTest
  void manyToManyLinksLiveInAJoinTableWithAUniquePair() {
    User ada = User.objects.create("username", "ada");
    Memory m = memory(ada, "beach");
    Tag sun = Tag.objects.create("name", "sun");
    Tag sea = Tag.objects.create("name", "sea");
    m.tags.add(sun, sea);
    m.tags.add(sun);
    assertThat(m.tags.all().orderBy("name").list()).containsExactly(sea, sun);
    try (Cursor c = Database.connection().cursor()) {
      c.execute("SELECT COUNT(*) FROM memories_tags WHERE memory_id = %s", m.id);
      assertThat(((Number) c.fetchOne()[0]).intValue())
          .as("adding twice keeps one link")
          .isEqualTo(2);
      assertThatThrownBy(
              () ->
                  c.execute(
                      "INSERT INTO memories_tags (memory_id, tag_id) VALUES (%s, %s)",
                      m.id, sun.id))
          .isInstanceOf(IntegrityError.class);
      assertThatThrownBy(
              () ->
                  c.execute(
                      "INSERT INTO memories_tags (memory_id, tag_id) VALUES (%s, %s)",
                      m.id, 999_999))
          .as("the join table's foreign keys are constrained too")
          .isInstanceOf(IntegrityError.class);
    }
    m.tags.remove(sea);
    assertThat(m.tags.all().list()).containsExactly(sun);
    m.tags.set(List.of(sea));
    assertThat(m.tags.all().list()).containsExactly(sea);
    m.tags.clear();
    assertThat(m.tags.all().exists()).isFalse();
  }

  @DbTest
  void lookupsAcrossForwardRelations() {
    User ada = User.objects.create("username", "ada");
    User bob = User.objects.create("username", "bob");
    Memory beach = memory(ada, "beach");
    memory(bob, "park");
    Profile.objects.create("user", ada, "bio", "writer");
    Tag sun = Tag.objects.create("name", "sun");
    beach.tags.add(sun);
    assertThat(Memory.objects.filter("user__username", "ada").valuesList("title").flat().list())
        .containsExactly("beach");
    assertThat(Memory.objects.filter("user__username__startswith", "b").count()).isEqualTo(1);
    assertThat(Memory.objects.filter("user", ada).count()).isEqualTo(1);
    assertThat(Memory.objects.filter("user__id", bob.id).count()).isEqualTo(1);
    assertThat(Memory.objects.filter("userId", bob.id).count()).isEqualTo(1);
    assertThat(Memory.objects.filter("user__in", List.of(ada, bob)).count()).isEqualTo(2);
    assertThat(Memory.objects.filter("tags__name", "sun").valuesList("title").flat().list())
        .containsExactly("beach");
    assertThat(Profile.objects.filter("user__username", "ada").valuesList("bio").flat().list())
        .containsExactly("writer");
    assertThat(Memory.objects.orderBy("user__username").valuesList("user__username").flat().list())
        .containsExactly("ada", "bob");
  }

  @DbTest
  void deletingTheTargetCascades() {
    User ada = User.objects.create("username", "ada");
    Memory m = memory(ada, "beach");
    Tag sun = Tag.objects.create("name", "sun");
    m.tags.add(sun);
    Profile.objects.create("user", ada);
    var result = ada.delete();
    assertThat(result.perModel())
        .containsEntry("models.User", 1L)
        .containsEntry("models.Memory", 1L)
        .containsEntry("models.Profile", 1L);
    assertThat(Memory.objects.count()).isZero();
    assertThat(Tag.objects.count()).as("tags stay; only links go").isEqualTo(1);
  }

  @DbTest
  void deletingATargetWithNothingPointingAtItDeletesOnlyIt() {
    User lonely = User.objects.create("username", "lonely");
    User ada = User.objects.create("username", "ada");
    memory(ada, "kept");
    var result = lonely.delete();
    assertThat(result.total()).isEqualTo(1);
    assertThat(result.perModel()).containsExactly(java.util.Map.entry("models.User", 1L));
    assertThat(User.objects.filter("username", "ada").delete().perModel())
        .as("a cascade to memories while no profile exists")
        .containsEntry("models.Memory", 1L)
        .doesNotContainKey("models.Profile");
  }
}
