package io.vibevault.orm.tests.security;

import static io.vibevault.orm.tests.security.Hostile.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS.md §2.4: {@code orderBy(String...)} takes field paths, {@code -} and {@code ?} only;
 * anything else is a FieldError before SQL, fast, on every QuerySet shape.
 */
@DatabaseTest(models = {User.class, Memory.class})
class OrderByTest {
  private List<Memory> all;

  @BeforeEach
  void seed() {
    User ada = Hostile.user("ada");
    User bob = Hostile.user("bob");
    String[] titles = {"b", "a", "d", "c"};
    for (int i = 0; i < titles.length; i++) {
      Memory m = Hostile.memory(i % 2 == 0 ? ada : bob, titles[i], Map.of());
      m.createdAt = Instant.parse("2024-01-0" + (i + 1) + "T00:00:00Z");
      m.save();
    }
    all = Memory.objects.all().list();
  }

  /** orderBy on model, values and valuesList QuerySets, each evaluated. */
  private static FieldError refusedEverywhere(String term) {
    rejected(FieldError.class, () -> Memory.objects.orderBy(term).list());
    rejected(FieldError.class, () -> Memory.objects.all().orderBy("title", term).list());
    rejected(FieldError.class, () -> Memory.objects.values("title").orderBy(term).list());
    rejected(FieldError.class, () -> Memory.objects.valuesList("id").orderBy(term).list());
    rejected(FieldError.class, () -> Memory.objects.filter("views", 0).orderBy(term).first());
    rejected(FieldError.class, () -> Memory.objects.latest(term));
    return rejected(FieldError.class, () -> Memory.objects.orderBy(term).list());
  }

  @DbTest
  void h34FieldNamesDirectionsAndRandomWork() {
    List<Memory> byCreatedDesc =
        all.stream().sorted(Comparator.comparing((Memory m) -> m.createdAt).reversed()).toList();
    assertThat(Memory.objects.orderBy("-createdAt").list()).isEqualTo(byCreatedDesc);
    assertThat(Memory.objects.orderBy("title").list())
        .isEqualTo(all.stream().sorted(Comparator.comparing((Memory m) -> m.title)).toList());
    assertThat(Memory.objects.orderBy("user__username", "-title").list())
        .extracting(m -> m.title)
        .containsExactly("d", "b", "c", "a");
    assertThat(Memory.objects.latest("createdAt")).isEqualTo(byCreatedDesc.get(0));
    assertThat(Memory.objects.earliest("createdAt")).isEqualTo(byCreatedDesc.get(3));
    assertThat(Memory.objects.latest("-createdAt")).isEqualTo(byCreatedDesc.get(3));
    List<Memory> random = Memory.objects.orderBy("?").list();
    assertThat(random).containsExactlyInAnyOrderElementsOf(all);
    var ran = Hostile.list(Memory.objects.orderBy("?"));
    assertThat(ran.sql().get(0)).containsIgnoringCase("ORDER BY").containsIgnoringCase("RAND");
    // The column name is not a field name: paths name Java fields.
    refusedEverywhere("-created_at");
  }

  @DbTest
  void h35MalformedDirection() {
    for (String term :
        List.of("--createdAt", "+title", "- title", "-", "--", "title-", "-?", "??", " title")) {
      refusedEverywhere(term);
    }
  }

  @DbTest
  void h37StackedQueriesFailFast() {
    rejected(FieldError.class, () -> Memory.objects.orderBy("nope").list());
    for (String term :
        List.of(
            "title); SELECT pg_sleep(5)--",
            "vuln_collection.name);select updatexml(1,concat(0x7e,(select @@version)),1)#",
            "title; SELECT SLEEP(5)",
            "title,(SELECT 1 FROM (SELECT SLEEP(5))x)",
            "(CASE WHEN (1=1) THEN title ELSE createdAt END)")) {
      double ms = Hostile.millis(() -> refusedEverywhere(term));
      assertThat(ms).as("ms for %s", term).isLessThan(100);
      FieldError e = refusedEverywhere(term);
      assertThat(e.getMessage()).contains(term.substring(0, 10));
    }
  }

  @DbTest
  void h38ExpressionsAsStrings() {
    for (String term :
        List.of(
            "RANDOM()",
            "RAND()",
            "(SELECT 1)",
            "LENGTH(title)",
            "title ASC NULLS FIRST",
            "title DESC",
            "1",
            "-1",
            "title COLLATE \"C\"",
            "security_memory.title",
            "\"title\"",
            "`title`",
            "title__length",
            "title__icontains",
            "user__password",
            "metricsJson__a b",
            "title\u0000",
            "title\n")) {
      refusedEverywhere(term);
    }
  }

  @DbTest
  void longOrderingNamesDoNotBacktrack() {
    // Underscores can be split into '__' segments in many ways; the check must stay linear.
    for (int n : new int[] {30, 60, 200, 5_000, 100_000}) {
      for (String term :
          List.of(
              "a" + "_".repeat(n) + "!",
              "-" + "a_".repeat(n) + "(",
              "title" + "__a".repeat(n) + " ")) {
        double ms =
            Hostile.millis(
                () -> rejected(FieldError.class, () -> Memory.objects.orderBy(term).list()));
        assertThat(ms).as("ms for a %d-character name", term.length()).isLessThan(50);
      }
    }
  }
}
