package io.vibevault.app.memories;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.util.List;
import java.util.Map;

@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class MemoryModelTest {
  static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);

  static User user(String name) {
    return new Accounts(FAST).register(name, name + "@example.org", "password " + name);
  }

  static MediaStorage media() throws Exception {
    return new MediaStorage(TestDirs.create("vv-media"));
  }

  @DbTest
  void usernamesAndEmailsAreCaseInsensitivelyUnique() {
    User ada = user("Ada");
    assertThat(ada.username).isEqualTo("Ada");
    assertThat(ada.usernameKey).isEqualTo("ada");
    assertThat(ada.relatedOne(Profile.class, "profile")).isNotNull();
    assertThatThrownBy(() -> new Accounts(FAST).register(" ADA ", "other@example.org", "12345678"))
        .isInstanceOf(ValidationError.class)
        .hasMessageContaining("taken");
    assertThatThrownBy(() -> new Accounts(FAST).register("other", "ADA@Example.org", "12345678"))
        .isInstanceOf(ValidationError.class);
    assertThat(new Accounts(FAST).authenticate("ADA", "password Ada")).contains(ada);
    assertThat(new Accounts(FAST).authenticate("ada@example.org", "password Ada")).contains(ada);
    assertThat(new Accounts(FAST).authenticate("ada", "wrong")).isEmpty();
  }

  @DbTest
  void softDeleteTrashRestoreAndDeleteForever() throws Exception {
    User ada = user("ada");
    MediaStorage media = media();
    Memories mine = new Memories(ada, media);
    Memory m = mine.create("Beach", "Sunny", List.of("Summer", "beach"), null);
    assertThat(m.tags.all().list()).extracting(t -> t.name).containsExactly("beach", "summer");

    mine.trash(m.id);
    assertThat(Memory.objects.filter("id", m.id).exists()).isFalse();
    assertThat(Memory.trash.filter("id", m.id).exists()).isTrue();
    assertThat(ada.related(Memory.class, "memories").all().count()).isZero();

    mine.restore(m.id);
    assertThat(mine.all().count()).isEqualTo(1);

    mine.trash(m.id);
    mine.deleteForever(m.id);
    assertThat(Memory.allObjects.filter("id", m.id).exists()).isFalse();
    assertThat(Tag.objects.filter("user", ada).count()).isEqualTo(2);
  }

  @DbTest
  void anotherUsersMemoryIsNotFound() throws Exception {
    User ada = user("ada");
    User bob = user("bob");
    MediaStorage media = media();
    Memory adas = new Memories(ada, media).create("Private", "", List.of(), null);
    Memories bobs = new Memories(bob, media);
    assertThatThrownBy(() -> bobs.get(adas.id)).isInstanceOf(ObjectDoesNotExist.class);
    assertThatThrownBy(() -> bobs.edit(adas.id, "x", "y", null))
        .isInstanceOf(ObjectDoesNotExist.class);
    assertThatThrownBy(() -> bobs.trash(adas.id)).isInstanceOf(ObjectDoesNotExist.class);
    assertThat(Memory.objects.get("id", adas.id).title).isEqualTo("Private");
  }

  @DbTest
  void aListingPageCostsAFixedNumberOfQueries() throws Exception {
    User ada = user("ada");
    Memories mine = new Memories(ada, media());
    for (int i = 0; i < 45; i++) {
      mine.create("Memory " + i, "text " + i, List.of("t" + (i % 3)), null);
    }
    // count + page (memories joined to users) + the tags of the page: 3, whatever the page size.
    Memories.Page page =
        assertNumQueries(
            3,
            () -> {
              Memories.Page p = mine.page(Memories.Sort.DATE, null, 1);
              p.memories().forEach(m -> m.user.get().username.length());
              p.memories().forEach(m -> m.prefetched("tags").size());
              return p;
            });
    assertThat(page.memories()).hasSize(20);
    assertThat(page.total()).isEqualTo(45);
    assertThat(page.pages()).isEqualTo(3);
    assertThat(page.memories().get(0).isDeferred("embedding")).isTrue();
    assertThat(mine.page(Memories.Sort.DATE, null, 3).memories()).hasSize(5);
    assertThat(mine.page(Memories.Sort.DATE, "t1", 1).total()).isEqualTo(15);
  }

  @DbTest
  void keysetLoadMoreWalksEveryMemoryOnce() throws Exception {
    User ada = user("ada");
    Memories mine = new Memories(ada, media());
    for (int i = 0; i < 45; i++) {
      mine.create("Memory " + i, "", List.of(), null);
    }
    List<Long> seen = new java.util.ArrayList<>();
    String cursor = null;
    int slices = 0;
    do {
      Memories.Slice s = mine.after(cursor, null);
      s.memories().forEach(m -> seen.add(m.id));
      cursor = s.next().orElse(null);
      slices++;
    } while (cursor != null);
    assertThat(slices).isEqualTo(3);
    assertThat(seen).hasSize(45).doesNotHaveDuplicates();
    assertThat(seen)
        .isEqualTo(mine.all().orderBy("-createdAt", "-id").valuesList("id").flat().list());
  }

  @DbTest
  void engagementSortUsesTheGuidesExpression() throws Exception {
    User ada = user("ada");
    Memories mine = new Memories(ada, media());
    Memory a = mine.create("a", "", List.of(), null);
    Memory b = mine.create("b", "", List.of(), null);
    Memory c = mine.create("c", "", List.of(), null);
    Memory.objects.filter("id", a.id).update(Map.of("viewCount", 10, "likeCount", 0)); // 20
    Memory.objects.filter("id", b.id).update(Map.of("viewCount", 1, "likeCount", 4)); // 22
    Memory.objects.filter("id", c.id).update(Map.of("viewCount", 0, "likeCount", 1)); // 5
    assertThat(mine.page(Memories.Sort.ENGAGEMENT, null, 1).memories())
        .extracting(m -> m.title)
        .containsExactly("b", "a", "c");
  }

  @DbTest
  void analyzedManagerIsTheGuides() throws Exception {
    User ada = user("ada");
    Memories mine = new Memories(ada, media());
    Memory m = mine.create("a", "", List.of(), null);
    Memory.objects
        .filter("id", m.id)
        .update(
            Map.of(
                "analysisStatus",
                AnalysisStatus.DONE,
                "metricsJson",
                Map.of("sentiment", Map.of("label", "positive"))));
    mine.create("b", "", List.of(), null);
    assertThat(Memory.analyzed.forUser(ada).count()).isEqualTo(1);
    assertThat(Memory.analyzed.positiveSentiment().list())
        .extracting(x -> x.id)
        .containsExactly(m.id);
  }
}
