package io.vibevault.orm.tests.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSONField lookups: key transforms at any depth, array indexes, has_key(s), containment where the
 * backend has it, key__isnull (absent key) against key=null (JSON null), numeric comparisons on
 * keys, and text lookups on a key's value.
 */
@DatabaseTest(models = {Doc.class})
class JsonLookupsTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void doc(String name, Map<String, Object> data) {
    Doc d = new Doc();
    d.name = name;
    d.data = data;
    d.save();
  }

  private void seed() {
    doc(
        "happy",
        map(
            "sentiment",
            map("label", "positive", "score", 0.9),
            "words",
            60,
            "topics",
            List.of("beach", "sun"),
            "owner",
            null,
            "title",
            "Summer ÄRGER 100%"));
    doc(
        "sad",
        map(
            "sentiment",
            map("label", "negative", "score", 0.2),
            "words",
            5,
            "topics",
            List.of("work"),
            "title",
            "office"));
    doc("deep", map("words", "many", "nested", map("a", map("b", map("c", map("d", 1))))));
    doc("empty", map());
    doc("null", null);
  }

  private static List<String> names(Object... conditions) {
    List<String> out =
        new ArrayList<>(Doc.objects.filter(conditions).valuesList("name").<String>flat().list());
    Collections.sort(out);
    return out;
  }

  @DbTest
  void keyTransformsAtAnyDepth() {
    seed();
    assertThat(names("data__sentiment__label", "positive")).containsExactly("happy");
    assertThat(names("data__sentiment__label", "neutral")).isEmpty();
    assertThat(names("data__nested__a__b__c__d", 1)).containsExactly("deep");
    assertThat(names("data__nested__a__b__c", map("d", 1))).containsExactly("deep");
    assertThat(names("data__words", 60)).containsExactly("happy");
    assertThat(names("data__words", "many")).containsExactly("deep");
    assertThat(names("data__words", "60")).as("the string \"60\" is not the number 60").isEmpty();
    assertThat(names("data__sentiment__label__in", List.of("positive", "neutral")))
        .containsExactly("happy");
  }

  @DbTest
  void arrayIndexes() {
    seed();
    assertThat(names("data__topics__0", "beach")).containsExactly("happy");
    assertThat(names("data__topics__1", "sun")).containsExactly("happy");
    assertThat(names("data__topics__0", "work")).containsExactly("sad");
    assertThat(names("data__topics__1__isnull", true))
        .as("no second topic (and no document at all)")
        .containsExactly("deep", "empty", "null", "sad");
    assertThat(names("data__topics", List.of("work"))).containsExactly("sad");
  }

  @DbTest
  void hasKeyFamily() {
    seed();
    assertThat(names("data__has_key", "sentiment")).containsExactly("happy", "sad");
    assertThat(names("data__has_key", "owner"))
        .as("a key holding JSON null is present")
        .containsExactly("happy");
    assertThat(names("data__has_keys", List.of("sentiment", "owner"))).containsExactly("happy");
    assertThat(names("data__has_keys", List.of("sentiment", "topics")))
        .containsExactly("happy", "sad");
    assertThat(names("data__has_any_keys", List.of("nested", "owner")))
        .containsExactly("deep", "happy");
    assertThat(names("data__sentiment__has_key", "score")).containsExactly("happy", "sad");
    assertThat(names("data__nested__a__has_key", "b")).containsExactly("deep");
  }

  @DbTest
  void keyIsnullMeansAbsentKeyAndKeyNullMeansJsonNull() {
    seed();
    assertThat(names("data__owner__isnull", false))
        .as("present, even as JSON null")
        .containsExactly("happy");
    assertThat(names("data__owner__isnull", true))
        .as("absent (or no document at all)")
        .containsExactly("deep", "empty", "null", "sad");
    assertThat(names("data__owner", null)).as("JSON null only").containsExactly("happy");
    assertThat(names("data__sentiment", null)).isEmpty();
    assertThat(names("data__isnull", true)).as("SQL NULL column").containsExactly("null");
    assertThat(names("data__isnull", false)).hasSize(4);
  }

  @DbTest
  void numericComparisonsOnKeys() {
    seed();
    assertThat(names("data__words__gt", 10)).containsExactly("happy");
    assertThat(names("data__words__gte", 5)).containsExactly("happy", "sad");
    assertThat(names("data__words__lt", 60))
        .as("the text \"many\" is no number")
        .containsExactly("sad");
    assertThat(names("data__words__lte", 60)).containsExactly("happy", "sad");
    assertThat(names("data__sentiment__score__lt", 0.5)).containsExactly("sad");
    assertThat(names("data__sentiment__score__gte", 0.2)).containsExactly("happy", "sad");
    assertThat(names("data__nested__a__b__c__d__gt", 0)).containsExactly("deep");
    assertThat(names("data__words__gt", 9))
        .as("9 < 60 and 5 < 9 numerically")
        .containsExactly("happy");
  }

  @DbTest
  void numbersReadBackAsDjangosDoOnEveryBackend() {
    seed();
    Doc happy = Doc.objects.get("name", "happy");
    @SuppressWarnings("unchecked")
    Map<String, Object> sentiment = (Map<String, Object>) happy.data.get("sentiment");
    assertThat(sentiment.get("score")).as("a float, as json.loads gives").isEqualTo(0.9);
    assertThat(happy.data.get("words")).isEqualTo(60);
    assertThat(
            Doc.objects
                .filter("name", "happy")
                .valuesList("data__sentiment__score", "data__words")
                .list())
        .as("a key's value, extracted by the database")
        .containsExactly(List.of(0.9, 60));
  }

  @DbTest
  void textLookupsOnAKeysValue() {
    seed();
    assertThat(names("data__title__icontains", "ärger")).containsExactly("happy");
    assertThat(names("data__title__icontains", "OFFICE")).containsExactly("sad");
    assertThat(names("data__title__icontains", "0%")).containsExactly("happy");
    assertThat(names("data__title__icontains", "%")).containsExactly("happy");
    assertThat(names("data__title__startswith", "off")).containsExactly("sad");
    assertThat(names("data__title__startswith", "Off")).isEmpty();
    assertThat(names("data__title__istartswith", "summer")).containsExactly("happy");
    assertThat(names("data__title__endswith", "100%")).containsExactly("happy");
    assertThat(names("data__title__iendswith", "ICE")).containsExactly("sad");
    assertThat(names("data__title__iexact", "OFFICE")).containsExactly("sad");
    assertThat(names("data__sentiment__label__regex", "^pos")).containsExactly("happy");
    assertThat(names("data__sentiment__label__iregex", "^NEG")).containsExactly("sad");
  }

  @DbTest
  void keysAreTakenLiterallyWhateverTheirCharacters() {
    doc("odd", map("a.b", 1, "quo\"te", 2, "$[0]", 3, "it's", 4));
    doc("plain", map("a", map("b", 1)));
    assertThat(names("data__a.b", 1)).containsExactly("odd");
    assertThat(names("data__quo\"te", 2)).containsExactly("odd");
    assertThat(names("data__$[0]", 3)).containsExactly("odd");
    assertThat(names("data__it's", 4)).containsExactly("odd");
    assertThat(names("data__has_key", "a.b")).containsExactly("odd");
    assertThat(names("data__a__b", 1)).containsExactly("plain");
  }

  @DbTest
  void containmentWhereTheBackendHasIt(TestDatabase db) {
    seed();
    if (db.features().supportsJsonContains()) {
      assertThat(names("data__contains", map("sentiment", map("label", "positive"))))
          .containsExactly("happy");
      assertThat(names("data__contains", map("words", 5))).containsExactly("sad");
      assertThat(names("data__topics__contains", List.of("sun"))).containsExactly("happy");
      assertThat(
              names(
                  "data__contained_by",
                  map(
                      "words",
                      "many",
                      "nested",
                      map("a", map("b", map("c", map("d", 1)))),
                      "x",
                      1)))
          .containsExactly("deep", "empty");
    } else {
      var ran =
          Database.captureQueries(
              () -> {
                assertThatThrownBy(() -> names("data__contains", map("words", 5)))
                    .isInstanceOf(NotSupportedError.class)
                    .hasMessageContaining("contains");
                assertThatThrownBy(() -> names("data__contained_by", map("words", 5)))
                    .isInstanceOf(NotSupportedError.class)
                    .hasMessageContaining("contained_by");
              });
      assertThat(ran).as("refused before any SQL").isEmpty();
    }
  }
}
