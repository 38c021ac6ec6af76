package io.vibevault.app.stats;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.MediaType;
import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class StatisticsTest {
  Memories ada;
  Memories bob;
  Memories root;

  /** Ada's live memories: 2 in January (Mondays), 1 in February (a Saturday), 1 trashed. */
  @BeforeEach
  void memories() throws Exception {
    Accounts accounts = new Accounts(new PasswordHasher(1024, 1, 1));
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    ada = new Memories(accounts.register("ada", "ada@x.io", "password-ada"), media);
    bob = new Memories(accounts.register("bob", "bob@x.io", "password-bob"), media);
    User admin = accounts.register("root", "root@x.io", "password-root");
    User.objects.filter("id", admin.id).update(Map.of("isStaff", true));
    root = new Memories(User.objects.get("id", admin.id), media);

    written(ada, "A", List.of("summer", "beach"), "2024-01-01T10:00:00Z", MediaType.TEXT, 0.5);
    written(ada, "B", List.of("summer"), "2024-01-15T23:30:00Z", MediaType.PHOTO, -0.1);
    written(ada, "C", List.of(), "2024-02-03T10:00:00Z", MediaType.AUDIO, null);
    Memory trashed =
        written(ada, "D", List.of("summer"), "2024-02-04T10:00:00Z", MediaType.TEXT, 1.0);
    ada.trash(trashed.id);
    for (int i = 0; i < 12; i++) {
      written(bob, "bob " + i, List.of("summer"), "2024-03-05T10:00:00Z", MediaType.TEXT, 0.9);
    }
    for (int i = 0; i < 10; i++) {
      written(root, "root " + i, List.of(), "2024-03-06T10:00:00Z", MediaType.TEXT, 0.0);
    }
  }

  private static Memory written(
      Memories owner,
      String title,
      List<String> tags,
      String at,
      MediaType type,
      Double sentiment) {
    Memory m = owner.create(title, "text of " + title, tags, null);
    Map<String, Object> values = new HashMap<>();
    values.put("createdAt", Instant.parse(at));
    values.put("mediaType", type);
    values.put("sentimentScore", sentiment);
    Memory.objects.filter("id", m.id).update(values);
    return m;
  }

  @DbTest
  void countsPerMediaTypeAreOneQueryAndOnlyTheUsersLiveMemories() {
    Map<MediaType, Long> counts = assertNumQueries(1, () -> new Statistics(ada).perMediaType());
    assertThat(counts)
        .containsExactly(
            Map.entry(MediaType.TEXT, 1L),
            Map.entry(MediaType.PHOTO, 1L),
            Map.entry(MediaType.AUDIO, 1L));
    assertThat(new Statistics(bob).perMediaType())
        .containsEntry(MediaType.TEXT, 12L)
        .containsEntry(MediaType.PHOTO, 0L);
  }

  @DbTest
  void perMonthCountsAndAveragesTheSentimentInOneQuery() {
    List<Statistics.Month> months = assertNumQueries(1, () -> new Statistics(ada).perMonth());
    assertThat(months).hasSize(2);
    assertThat(months.get(0).month()).isEqualTo(YearMonth.of(2024, 1));
    assertThat(months.get(0).count()).isEqualTo(2);
    assertThat(months.get(0).averageSentiment())
        .isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(months.get(1)).isEqualTo(new Statistics.Month(YearMonth.of(2024, 2), 1, null));
  }

  @DbTest
  void topTagsCountTheManyToManyWithoutTheTrashOrOtherUsers() {
    List<Statistics.TagCount> tags = assertNumQueries(1, () -> new Statistics(ada).topTags());
    assertThat(tags)
        .containsExactly(new Statistics.TagCount("summer", 2), new Statistics.TagCount("beach", 1));
    assertThat(new Statistics(root).topTags()).isEmpty();
  }

  @DbTest
  void weekdaysAreExtractedInUtc() {
    Map<DayOfWeek, Long> days = assertNumQueries(1, () -> new Statistics(ada).perWeekday());
    assertThat(days).hasSize(7);
    assertThat(days)
        .containsEntry(DayOfWeek.MONDAY, 2L)
        .containsEntry(DayOfWeek.SATURDAY, 1L)
        .containsEntry(DayOfWeek.SUNDAY, 0L);
    assertThat(Statistics.busiest(days)).isEqualTo(DayOfWeek.MONDAY);
    assertThat(Statistics.busiest(Map.of(DayOfWeek.FRIDAY, 0L))).isNull();
  }

  @DbTest
  void busyUsersAreAHavingForStaffOnly() {
    List<Statistics.UserCount> busy = assertNumQueries(1, () -> new Statistics(root).busyUsers());
    assertThat(busy).containsExactly(new Statistics.UserCount("bob", 12));
    assertThatThrownBy(() -> new Statistics(ada).busyUsers())
        .isInstanceOf(ObjectDoesNotExist.class);
  }

  @DbTest
  void theEngagementSortAnnotatesTheGuidesScore() {
    List<Memory> mine = ada.all().list();
    Memory a = mine.stream().filter(m -> m.title.equals("A")).findFirst().orElseThrow();
    Memory c = mine.stream().filter(m -> m.title.equals("C")).findFirst().orElseThrow();
    Memory.objects.filter("id", a.id).update(Map.of("viewCount", 3)); // 6
    Memory.objects.filter("id", c.id).update(Map.of("likeCount", 2)); // 10
    List<Memory> page = ada.page(Memories.Sort.ENGAGEMENT, null, 1).memories();
    assertThat(page).extracting(m -> m.title).containsExactly("C", "A", "B");
    assertThat(page)
        .extracting(m -> m.annotation(Memories.ENGAGEMENT_SCORE, Long.class))
        .containsExactly(10L, 6L, 0L);
  }
}
