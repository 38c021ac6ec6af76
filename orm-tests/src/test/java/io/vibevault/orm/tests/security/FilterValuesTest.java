package io.vibevault.orm.tests.security;

import static io.vibevault.orm.tests.security.Hostile.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS.md §2.2: hostile values. Values are checked against the field's type before binding, so
 * type confusion is a {@link ValidationError} before any SQL, and text compares as text everywhere.
 */
@DatabaseTest(models = {User.class, Memory.class})
class FilterValuesTest {
  private User ada;

  @BeforeEach
  void seed() {
    ada = Hostile.user("ada");
  }

  private static Set<String> titles(List<Memory> rows) {
    return rows.stream().map(m -> m.title).collect(Collectors.toSet());
  }

  @DbTest
  void h13IntegerAgainstTextIsComparedAsText() {
    for (String t : List.of("abc", "0", "00", "0abc", "")) {
      Hostile.memory(ada, t, Map.of());
    }
    User zero = User.objects.create("username", "zero", "email", "0", "password", "p");
    for (Object zeroValue : new Object[] {0, 0L, (short) 0, 0.0d}) {
      String asText = String.valueOf(zeroValue);
      var ran = Hostile.list(Memory.objects.filter(Map.of("title__exact", zeroValue)));
      assertThat(titles(ran.result()))
          .as("title = %s", zeroValue)
          .isEqualTo(asText.equals("0") ? Set.of("0") : Set.of());
      assertThat(ran.params()).as("bound as text").contains(asText);
      assertThat(User.objects.filter(Map.of("email__exact", zeroValue)).list())
          .isEqualTo(asText.equals("0") ? List.of(zero) : List.of());
    }
    assertThat(titles(Memory.objects.filter("title", 0).list())).containsExactly("0");
    assertThat(titles(Memory.objects.filter("title__in", List.of(0, 1)).list()))
        .containsExactly("0");
    assertThat(titles(Memory.objects.filter("title__iexact", 0).list())).containsExactly("0");
    assertThat(titles(Memory.objects.filter("title__startswith", 0).list()))
        .containsExactlyInAnyOrder("0", "00", "0abc");
    assertThat(titles(Memory.objects.exclude("title", 0).list()))
        .containsExactlyInAnyOrder("abc", "00", "0abc", "");
    assertThat(User.objects.filter("email", 0).get()).isEqualTo(zero);
  }

  @DbTest
  void h14NonIntegerPrimaryKey() {
    Memory m = Hostile.memory(ada, "one", Map.of());
    for (String bad : List.of("1 OR 1=1", "1.5", "", "0x10", " 1", "1 ", "+1", "1e3", "١")) {
      for (String key : List.of("pk", "id", "id__exact", "id__gt", "user", "user__id", "views")) {
        ValidationError e =
            rejected(ValidationError.class, () -> Memory.objects.filter(Map.of(key, bad)).list());
        assertThat(e.getMessage()).contains("expects an integer").contains("'" + bad + "'");
      }
      rejected(ValidationError.class, () -> Memory.objects.get("pk", bad));
      rejected(ValidationError.class, () -> Memory.objects.filter("id__in", List.of(1, bad)));
      rejected(ValidationError.class, () -> Memory.objects.filter("id__range", List.of(bad, 3)));
    }
    ValidationError e =
        rejected(ValidationError.class, () -> Memory.objects.filter(Map.of("pk", "1 OR 1=1")));
    assertThat(e.getMessage()).contains("field 'id' expects an integer, got '1 OR 1=1'");
    // Out of the column's range: an error before the database could overflow or wrap.
    rejected(ValidationError.class, () -> Memory.objects.filter("views", 1L << 40).list());
    rejected(ValidationError.class, () -> Memory.objects.filter("pk", "99999999999999999999"));
    // Well-formed text is an integer.
    assertThat(Memory.objects.get("pk", String.valueOf(m.pk()))).isEqualTo(m);
  }

  @DbTest
  void h16MapForAScalar() {
    Map<String, Object> nope = Map.of("nope", 1);
    for (String key :
        List.of("title__exact", "title", "title__icontains", "id", "createdAt__gt", "views__lt")) {
      rejected(ValidationError.class, () -> Memory.objects.filter(Map.of(key, nope)).list());
    }
    rejected(ValidationError.class, () -> Memory.objects.filter("title__in", List.of(nope)));
    rejected(ValidationError.class, () -> Memory.objects.filter("user", nope).list());
  }

  @DbTest
  void h17ListForAScalarLookup() {
    Hostile.memory(ada, "a", Map.of());
    Hostile.memory(ada, "b", Map.of());
    List<String> ab = List.of("a", "b");
    for (String key :
        List.of(
            "title__exact",
            "title",
            "title__contains",
            "title__gt",
            "title__iexact",
            "title__regex",
            "id",
            "views__gte")) {
      rejected(ValidationError.class, () -> Memory.objects.filter(Map.of(key, ab)).list());
    }
    // Lists are for in and range only.
    assertThat(titles(Memory.objects.filter("title__in", ab).list())).containsExactly("a", "b");
    assertThat(titles(Memory.objects.filter("title__range", ab).list())).containsExactly("a", "b");
    rejected(ValidationError.class, () -> Memory.objects.filter("title__range", List.of("a")));
    rejected(
        ValidationError.class,
        () -> Memory.objects.filter("title__in", List.of(List.of("a"))).list());
  }

  @DbTest
  void h19LoneSurrogatesAndNulAreRefused() {
    Hostile.memory(ada, "?abc", Map.of());
    for (String bad : List.of("\uD800abc", "abc\uDC00", "\uDBFF", "a\uDC00\uD800b", "nul\u0000")) {
      for (String key : List.of("title", "title__icontains", "title__startswith", "text__gt")) {
        ValidationError e =
            rejected(ValidationError.class, () -> Memory.objects.filter(Map.of(key, bad)).list());
        assertThat(e.getMessage()).containsAnyOf("invalid Unicode", "NUL");
      }
      rejected(ValidationError.class, () -> Memory.objects.filter("title__in", List.of(bad)));
      rejected(ValidationError.class, () -> Hostile.memory(ada, bad, Map.of()));
      rejected(ValidationError.class, () -> Hostile.memory(ada, "t", Map.of("k", bad)));
      rejected(ValidationError.class, () -> Hostile.memory(ada, "t", Map.of(bad, "v")));
      rejected(ValidationError.class, () -> Memory.objects.filter("metricsJson__k", bad).list());
      rejected(
          ValidationError.class, () -> Memory.objects.filter("title", "?abc").update("text", bad));
    }
    assertThat(Memory.objects.count()).isEqualTo(1);
  }

  @DbTest
  void h20FourByteCharactersRoundTrip() {
    String[] texts = {
      "😀 day at the beach",
      "𝄞 music 🎵 𠜎 and 🤡",
      "😀".repeat(255),
      "e\u0301 combining and \u200b zero width",
    };
    for (String t : texts) {
      Memory m = Hostile.memory(ada, t, Map.of("emoji", t, t, "key"));
      m.text = t;
      m.save();
      Memory back = Memory.objects.get("pk", m.pk());
      assertThat(back.title).isEqualTo(t);
      assertThat(back.text).isEqualTo(t);
      assertThat(back.metricsJson).containsEntry("emoji", t).containsEntry(t, "key");
      assertThat(back.title.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(Memory.objects.filter("title", t).list()).containsExactly(m);
      assertThat(Memory.objects.filter("metricsJson__emoji", t).list()).containsExactly(m);
      m.delete();
    }
    // Characters, not UTF-16 units or bytes, count against max_length; one more is refused.
    rejected(ValidationError.class, () -> Hostile.memory(ada, "😀".repeat(256), Map.of()));
    assertThat(Memory.objects.count()).isZero();
  }

  @DbTest
  void writesAreCheckedBeforeTheDatabaseSeesThem() {
    // Rule 6 on the write paths: SQLite would store any of these silently, the servers would fail
    // or truncate; the ORM refuses them the same way everywhere, before sending anything.
    Memory m = Hostile.memory(ada, "ok", Map.of());
    String tooLong = "x".repeat(256);
    rejected(ValidationError.class, () -> Hostile.memory(ada, tooLong, Map.of()));
    rejected(
        ValidationError.class, () -> Memory.objects.filter("pk", m.pk()).update("title", tooLong));
    Memory other = Memory.objects.get("pk", m.pk());
    other.title = tooLong;
    rejected(ValidationError.class, other::save);
    Memory unsaved = new Memory();
    unsaved.user.set(ada);
    unsaved.title = tooLong;
    unsaved.createdAt = m.createdAt;
    // bulkCreate opens its transaction before it checks the rows: BEGIN and ROLLBACK only.
    Hostile.rejectedBeforeData(
        ValidationError.class, () -> Memory.objects.bulkCreate(List.of(unsaved)));
    for (Object views : new Object[] {1L << 40, "1 OR 1=1", "0x10", 1.5, Map.of("a", 1)}) {
      rejected(
          ValidationError.class, () -> Memory.objects.filter("pk", m.pk()).update("views", views));
      rejected(
          ValidationError.class,
          () ->
              Memory.objects.create(
                  Map.of("user", ada, "title", "v", "createdAt", m.createdAt, "views", views)));
    }
    rejected(
        ValidationError.class, () -> Memory.objects.filter("pk", m.pk()).update("user", "1 OR 1"));
    assertThat(Memory.objects.get("pk", m.pk()).title).isEqualTo("ok");
    assertThat(Memory.objects.count()).isEqualTo(1);
  }

  @DbTest
  void h22TrailingSpaceIsSignificantInEquality() {
    User alice = Hostile.user("alice");
    assertThatThrownBy(() -> User.objects.get("username", "alice "))
        .isInstanceOf(ObjectDoesNotExist.class);
    assertThat(User.objects.filter("username", "alice  ").list()).isEmpty();
    assertThat(User.objects.filter("username__in", List.of("alice ")).list()).isEmpty();
    assertThat(User.objects.filter("username", "alice").list()).containsExactly(alice);
    // The unique constraint sees the same difference on every backend.
    User spaced = Hostile.user("alice ");
    assertThat(User.objects.get("username", "alice ")).isEqualTo(spaced);
    assertThat(User.objects.get("username", "alice")).isEqualTo(alice);
    assertThat(User.objects.filter("username__startswith", "alice").count()).isEqualTo(2);
  }

  @DbTest
  void h23CaseVariantIsADifferentValueInEquality() {
    User alice = Hostile.user("alice");
    assertThatThrownBy(() -> User.objects.get("username", "Alice"))
        .isInstanceOf(ObjectDoesNotExist.class);
    assertThat(User.objects.filter("username", "ALICE").list()).isEmpty();
    assertThat(User.objects.filter("username__in", List.of("Alice", "ALICE")).list()).isEmpty();
    // iexact is the explicit way to ignore case.
    assertThat(User.objects.filter("username__iexact", "ALICE").list()).containsExactly(alice);
    User upper = Hostile.user("Alice");
    assertThat(User.objects.get("username", "Alice")).isEqualTo(upper);
    assertThat(User.objects.filter("username__iexact", "alice").count()).isEqualTo(2);
    // Accents are not folded away either.
    assertThat(User.objects.filter("username", "alicé").list()).isEmpty();
  }
}
