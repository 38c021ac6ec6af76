package io.vibevault.orm.tests.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.expr.F;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS.md §2.3: LIKE metacharacters are literal in every pattern lookup, in plain values and in
 * F() right-hand sides. Each hostile value gives the SQL text a harmless value gives, and the rows
 * a Java reference gives.
 */
@DatabaseTest(models = {User.class, Memory.class})
class LikeLookupsTest {
  /** Stored titles: each pattern metacharacter literally, beside look-alikes it must not match. */
  static final List<String> TITLES =
      List.of(
          "100%",
          "100 percent",
          "a_b",
          "axb",
          "a\\b",
          "back\\slash%",
          "%\\",
          "\\%",
          "\\\\_",
          "\\_",
          "x\\\\_y",
          "[a]%",
          "[a]x",
          "a",
          "a'b",
          "ab",
          "a''b",
          "50%_off",
          "50x_off",
          "%",
          "_",
          "\\",
          "%%",
          "__",
          "*?^$",
          "plain",
          "ärger",
          "Ärger im Büro",
          "ÄRGER",
          "arger",
          "éTÉ",
          "ÉTÉ");

  /** Hostile right-hand sides: LIKE wildcards, the escape character, quotes and SQL. */
  static final List<String> VALUES =
      List.of(
          "%",
          "_",
          "\\%",
          "%\\",
          "\\\\_",
          "\\",
          "\\\\",
          "[a]%",
          "[a]",
          "a'b",
          "'",
          "''",
          "%%",
          "__",
          "%_",
          "\\_",
          "_%",
          "*",
          "?",
          "[",
          "]",
          "[!a]",
          "^",
          "$",
          "' OR '1'='1",
          "'; DROP TABLE security_memory; --",
          "\\'; DROP TABLE x; --",
          "ÄRGER",
          "ärger",
          "été",
          "X");

  private static final Map<String, BiPredicate<String, String>> REFERENCE =
      Map.of(
          "contains",
          String::contains,
          "icontains",
          (t, v) -> up(t).contains(up(v)),
          "startswith",
          String::startsWith,
          "istartswith",
          (t, v) -> up(t).startsWith(up(v)),
          "endswith",
          String::endsWith,
          "iendswith",
          (t, v) -> up(t).endsWith(up(v)),
          "exact",
          String::equals,
          "iexact",
          (t, v) -> up(t).equals(up(v)));

  private static String up(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  @BeforeEach
  void seed() {
    User ada = Hostile.user("ada");
    for (int i = 0; i < TITLES.size(); i++) {
      Memory m = Hostile.memory(ada, TITLES.get(i), Map.of("t", TITLES.get(i)));
      m.text = VALUES.get(i % VALUES.size());
      m.save();
    }
  }

  private static Set<String> titles(List<Memory> rows) {
    return rows.stream().map(m -> m.title).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> reference(String lookup, String value) {
    return TITLES.stream()
        .filter(t -> REFERENCE.get(lookup).test(t, value))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void check(String lookup, String value) {
    var ran =
        Hostile.acceptedLike(
            Memory.objects.filter("title__" + lookup, value),
            Memory.objects.filter("title__" + lookup, "benign"),
            value);
    assertThat(titles(ran.result()))
        .as("title__%s = %s", lookup, value)
        .isEqualTo(reference(lookup, value));
    // Bound, perhaps escaped: with the escape characters removed the value is in a parameter.
    String bare = value.replace("\\", "");
    assertThat(
            ran.params().stream()
                .anyMatch(p -> p instanceof String s && s.replace("\\", "").contains(bare)))
        .as("%s bound in %s", value, ran.params())
        .isTrue();
  }

  @DbTest
  void h25PercentIsLiteral() {
    for (String lookup : REFERENCE.keySet()) {
      check(lookup, "%");
      check(lookup, "%%");
    }
    assertThat(titles(Memory.objects.filter("title__contains", "%").list()))
        .containsExactlyInAnyOrder(
            "100%", "back\\slash%", "%\\", "\\%", "[a]%", "50%_off", "%", "%%");
  }

  @DbTest
  void h26UnderscoreIsLiteral() {
    for (String lookup : REFERENCE.keySet()) {
      check(lookup, "_");
      check(lookup, "__");
    }
    Set<String> found = titles(Memory.objects.filter("title__contains", "a_b").list());
    assertThat(found).containsExactly("a_b");
  }

  @DbTest
  void h28BackslashSequencesAreLiteral() {
    for (String lookup : REFERENCE.keySet()) {
      for (String v : List.of("\\%", "%\\", "\\\\_", "\\_", "\\\\")) {
        check(lookup, v);
      }
    }
  }

  @DbTest
  void h29BracketsAndQuotesAreLiteral() {
    for (String lookup : REFERENCE.keySet()) {
      for (String v : List.of("[a]%", "[a]", "a'b", "'", "''", "[", "]", "[!a]", "^", "$")) {
        check(lookup, v);
      }
    }
    assertThat(titles(Memory.objects.filter("title__startswith", "[a]%").list()))
        .containsExactly("[a]%");
    assertThat(titles(Memory.objects.filter("title__endswith", "a'b").list()))
        .containsExactly("a'b");
  }

  @DbTest
  void h31TheEscapeCharacterItselfIsLiteral() {
    for (String lookup : REFERENCE.keySet()) {
      check(lookup, "\\");
    }
    assertThat(titles(Memory.objects.filter("title__exact", "\\").list())).containsExactly("\\");
    assertThat(titles(Memory.objects.filter("title__endswith", "\\").list()))
        .containsExactlyInAnyOrder("%\\", "\\");
  }

  @DbTest
  void sqlTextInValuesIsLiteral() {
    for (String lookup : REFERENCE.keySet()) {
      for (String v :
          List.of("' OR '1'='1", "'; DROP TABLE security_memory; --", "\\'; DROP TABLE x; --")) {
        check(lookup, v);
      }
    }
    assertThat(Memory.objects.count()).isEqualTo(TITLES.size());
  }

  @DbTest
  void h32CaseInsensitiveLookupsFoldNonAscii() {
    for (String lookup : List.of("icontains", "istartswith", "iendswith", "iexact")) {
      for (String v : List.of("ÄRGER", "ärger", "été", "ÉTÉ", "Äɍ", "ÜRO")) {
        check(lookup, v);
      }
    }
    assertThat(titles(Memory.objects.filter("title__icontains", "ÄRGER").list()))
        .containsExactlyInAnyOrder("ärger", "Ärger im Büro", "ÄRGER");
    assertThat(titles(Memory.objects.filter("title__iexact", "été").list()))
        .containsExactlyInAnyOrder("éTÉ", "ÉTÉ");
    // The case-sensitive lookups do not fold at all.
    assertThat(titles(Memory.objects.filter("title__contains", "ÄRGER").list()))
        .containsExactly("ÄRGER");
  }

  @DbTest
  void everyHostileValueOnEveryPatternLookup() {
    for (String lookup : REFERENCE.keySet()) {
      for (String v : VALUES) {
        check(lookup, v);
      }
    }
  }

  @DbTest
  void textLookupsOnJsonKeysAreEscapedToo() {
    // On a key, contains means JSON containment; the other text lookups read the value as text.
    for (String lookup : REFERENCE.keySet()) {
      if (lookup.equals("contains")) {
        continue;
      }
      for (String v : VALUES) {
        var ran =
            Hostile.acceptedLike(
                Memory.objects.filter("metricsJson__t__" + lookup, v),
                Memory.objects.filter("metricsJson__t__" + lookup, "benign"),
                v);
        assertThat(titles(ran.result()))
            .as("metricsJson__t__%s = %s", lookup, v)
            .isEqualTo(reference(lookup, v));
      }
    }
  }

  @DbTest
  void expressionRightHandSidesAreEscapedToo() {
    List<Memory> all = Memory.objects.all().list();
    for (String lookup : REFERENCE.keySet()) {
      List<String> expected = new ArrayList<>();
      for (Memory m : all) {
        if (REFERENCE.get(lookup).test(m.title, m.text)) {
          expected.add(m.title);
        }
      }
      var ran = Hostile.list(Memory.objects.filter("title__" + lookup, F.of("text")));
      assertThat(titles(ran.result()))
          .as("title__%s = F(text)", lookup)
          .isEqualTo(new TreeSet<>(expected));
    }
  }
}
