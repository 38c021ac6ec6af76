package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.query.GetOrCreateResult;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Django ORM basics": what an ORM is, the Memory model, the QuerySet methods. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrmBasicsGuideTest {
  private GuideData data;

  private void seed() {
    data = GuideData.seed();
  }

  // ------------------------------------------------------------------ What is ORM?

  @Order(1)
  @DbTest
  void filterInsteadOfSql() {
    seed();
    User user = data.demo();
    // Instead of SQL: SELECT * FROM memories WHERE user_id = 1;
    var qs = Memory.objects.filter("user", user);
    GuideSql.record("whatIsOrm", qs.query());
    assertThat(qs.query().params()).containsExactly(1L);
    assertThat(ids(qs)).containsExactly(2L, 1L, 3L);
  }

  // ------------------------------------------------------------------ Model definition

  @Order(2)
  @DbTest
  void theMemoryModel() {
    ModelMeta meta = ModelMeta.of(Memory.class);
    assertThat(meta.dbTable()).isEqualTo("memories");
    assertThat(meta.ordering()).containsExactly("-createdAt");
    assertThat(meta.verboseNamePlural()).isEqualTo("memories");
    assertThat(meta.pk().name()).isEqualTo("id"); // primary key auto-created as "id"
    assertThat(meta.pk().kind().isAuto()).isTrue();

    var user = meta.field("user");
    assertThat(user.column()).isEqualTo("user_id");
    assertThat(user.relation().target()).isEqualTo(ModelMeta.of(User.class));
    assertThat(user.relation().onDelete()).isEqualTo(OnDelete.CASCADE);
    assertThat(user.relation().relatedName()).isEqualTo("memories");
    assertThat(meta.field("title").maxLength()).isEqualTo(255);
    assertThat(meta.field("text").kind()).isEqualTo(FieldKind.TEXT);
    assertThat(meta.field("mediaType").maxLength()).isEqualTo(20);
    assertThat(meta.field("mediaType").choices()).isEqualTo(MediaType.class);
    assertThat(meta.field("mediaFile").uploadTo()).isEqualTo("memories/%Y/%m/%d/");
    assertThat(meta.field("mediaFile").isBlank()).isTrue();
    assertThat(meta.field("metricsJson").kind()).isEqualTo(FieldKind.JSON);
    assertThat(meta.field("createdAt").isAutoNowAdd()).isTrue();
    assertThat(meta.field("updatedAt").isAutoNow()).isTrue();
    // default=dict: each instance starts with its own empty map
    Memory a = new Memory();
    Memory b = new Memory();
    assertThat(a.metricsJson).isEmpty();
    assertThat(a.metricsJson).isNotSameAs(b.metricsJson);
    assertThat(MediaType.PHOTO.value()).isEqualTo("photo");
    assertThat(MediaType.PHOTO.label()).isEqualTo("Photo");
  }

  @Order(3)
  @DbTest
  void theMemoryModelStoresAndReadsBack() {
    User user = User.objects.create("username", "demo");
    Memory m = new Memory();
    m.user.set(user);
    m.title = "Beach Day";
    m.text = "Had fun at the beach";
    m.mediaType = MediaType.PHOTO;
    m.mediaFile = "memories/2024/07/04/beach.jpg";
    m.metricsJson.put("sentiment", Map.of("label", "positive"));
    Instant before = Instant.now().minusSeconds(1);
    m.save();
    assertThat(m.id).isNotNull();
    assertThat(m.createdAt).isAfter(before); // autoNowAdd
    assertThat(m.updatedAt).isAfter(before); // autoNow

    Memory back = Memory.objects.get("id", m.id);
    assertThat(back.mediaType).isEqualTo(MediaType.PHOTO); // stored as "photo", read as the enum
    assertThat(back.metricsJson).isEqualTo(Map.of("sentiment", Map.of("label", "positive")));
    assertThat(back.createdAt).isEqualTo(m.createdAt);
    assertThat(back.user.id()).isEqualTo(user.id);
  }

  /**
   * Django gives a CharField, TextField or FileField without a default the implicit default {@code
   * ''}, so {@code Memory(user=user, title='New')} saves. VibeVault's {@code create()} does the
   * same for a String text field that is neither given nor initialised (an enum field such as
   * {@code mediaType} has no empty value and must be given).
   */
  @Order(4)
  @DbTest
  void textFieldsWithoutInitializerDefaultToEmptyText() {
    User user = User.objects.create("username", "demo");
    Memory m =
        Memory.objects.create(
            "user",
            user,
            "title",
            "New Memory",
            "text",
            "Content here",
            "mediaType",
            MediaType.TEXT);
    assertThat(m.mediaFile).isEqualTo("");
  }

  // ------------------------------------------------------------------ QuerySet methods

  @Order(10)
  @DbTest
  void all() {
    seed();
    var qs = Memory.objects.all();
    GuideSql.record("all", qs.query());
    assertThat(ids(qs)).isEqualTo(GuideData.NEWEST_FIRST);
  }

  @Order(11)
  @DbTest
  void filter() {
    seed();
    User user = data.demo();
    var byUser = Memory.objects.filter("user", user);
    var photos = Memory.objects.filter("mediaType", "photo");
    var photosToo = Memory.objects.filter("mediaType", MediaType.PHOTO);
    var of2024 = Memory.objects.filter("createdAt__year", 2024);
    GuideSql.record("filter.user", byUser.query());
    GuideSql.record("filter.mediaType", photos.query());
    GuideSql.record("filter.year", of2024.query());
    assertThat(ids(byUser)).containsExactly(2L, 1L, 3L);
    assertThat(ids(photos)).containsExactly(2L, 1L);
    assertThat(ids(photosToo)).isEqualTo(ids(photos));
    assertThat(ids(of2024)).containsExactly(4L, 2L, 1L, 5L);
  }

  @Order(12)
  @DbTest
  void exclude() {
    seed();
    var notPending = Memory.objects.exclude("analysisStatus", "pending");
    GuideSql.record("exclude", notPending.query());
    // As in Django, the NULL status ("Voice note") is kept: NOT (x = 'pending' AND x IS NOT NULL)
    assertThat(ids(notPending)).containsExactly(4L, 1L, 5L, 3L);
  }

  @Order(13)
  @DbTest
  void get() {
    seed();
    Memory memory = GuideSql.capture("get", () -> Memory.objects.get("id", 5));
    assertThat(memory.title).isEqualTo("Park walk");
    assertThatThrownBy(() -> Memory.objects.get("id", 99))
        .isInstanceOf(ObjectDoesNotExist.class)
        .hasMessage("Memory matching query does not exist.");
    assertThatThrownBy(() -> Memory.objects.get("mediaType", "photo"))
        .isInstanceOf(MultipleObjectsReturned.class)
        .hasMessage("get() returned more than one Memory -- it returned 2!");
  }

  @Order(14)
  @DbTest
  void getOrCreate() {
    seed();
    User user = data.demo();
    Map<String, Object> lookup = new LinkedHashMap<>();
    lookup.put("user", user);
    lookup.put("title", "Untitled");
    Map<String, Object> defaults =
        Map.of("text", "Default content", "mediaType", MediaType.TEXT, "mediaFile", "");

    GetOrCreateResult<Memory> first =
        GuideSql.capture("getOrCreate.created", () -> Memory.objects.getOrCreate(lookup, defaults));
    Memory memory = first.object();
    boolean created = first.created();
    assertThat(created).isTrue();
    assertThat(memory.text).isEqualTo("Default content");

    GetOrCreateResult<Memory> again =
        GuideSql.capture("getOrCreate.found", () -> Memory.objects.getOrCreate(lookup, defaults));
    assertThat(again.created()).isFalse();
    assertThat(again.object()).isEqualTo(memory);
    assertThat(Memory.objects.filter("title", "Untitled").count()).isEqualTo(1);
  }

  @Order(15)
  @DbTest
  void firstAndLast() {
    seed();
    User user = data.demo();
    Optional<Memory> first =
        GuideSql.capture("first", () -> Memory.objects.filter("user", user).first());
    Optional<Memory> last =
        GuideSql.capture("last", () -> Memory.objects.filter("user", user).last());
    assertThat(first).map(m -> m.title).contains("Summer vacation"); // newest, by Meta ordering
    assertThat(last).map(m -> m.title).contains("Voice note");
    assertThat(Memory.objects.filter("user__username", "nobody").first()).isEmpty();
  }

  @Order(16)
  @DbTest
  void exists() {
    seed();
    User user = data.demo();
    boolean any = GuideSql.capture("exists", () -> Memory.objects.filter("user", user).exists());
    assertThat(any).isTrue();
    assertThat(Memory.objects.filter("user__username", "nobody").exists()).isFalse();
  }

  @Order(17)
  @DbTest
  void count() {
    seed();
    User user = data.demo();
    long n = GuideSql.capture("count", () -> Memory.objects.filter("user", user).count());
    assertThat(n).isEqualTo(3);
  }

  @Order(18)
  @DbTest
  void orderBy() {
    seed();
    var newestFirst = Memory.objects.orderBy("-createdAt");
    GuideSql.record("orderBy", newestFirst.query());
    assertThat(ids(newestFirst)).isEqualTo(GuideData.NEWEST_FIRST);
    assertThat(ids(Memory.objects.orderBy("createdAt"))).containsExactly(3L, 5L, 1L, 2L, 4L);
  }

  @Order(19)
  @DbTest
  void values() {
    seed();
    var rows = Memory.objects.values("id", "title");
    GuideSql.record("values", rows.query());
    List<Map<String, Object>> list = rows.list();
    assertThat(list)
        .containsExactly(
            Map.of("id", 4L, "title", "Vacation plans"),
            Map.of("id", 2L, "title", "Summer vacation"),
            Map.of("id", 1L, "title", "Beach Day"),
            Map.of("id", 5L, "title", "Park walk"),
            Map.of("id", 3L, "title", "Voice note"));
  }

  @Order(20)
  @DbTest
  void valuesListFlat() {
    seed();
    var idList = Memory.objects.valuesList("id").<Long>flat();
    GuideSql.record("valuesList.flat", idList.query());
    List<Long> list = idList.list();
    assertThat(list).isEqualTo(GuideData.NEWEST_FIRST);
    // Without flat(): one list per row
    assertThat(Memory.objects.valuesList("id", "title").first())
        .contains(List.of(4L, "Vacation plans"));
  }
}
