package io.vibevault.orm.tests.lookup;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text lookups (exact, iexact, the LIKE family, regex) with the same answers on every backend:
 * contains / startswith / endswith / exact are case-sensitive, the i-lookups fold Unicode case, and
 * LIKE metacharacters in a value are literal.
 */
@DatabaseTest(models = {Article.class})
class TextLookupsTest {

  private static void seed(String... headlines) {
    for (String h : headlines) {
      Article.make(h).save();
    }
  }

  private static List<String> headlines(Object... conditions) {
    // Sorted in Java: collations order text differently on each backend.
    List<String> out =
        new ArrayList<>(
            Article.objects.filter(conditions).valuesList("headline").<String>flat().list());
    Collections.sort(out);
    return out;
  }

  @DbTest
  void exactIsTheDefaultAndCaseSensitive() {
    seed("Beach Day", "beach day", "Park");
    assertThat(headlines("headline__exact", "Beach Day")).containsExactly("Beach Day");
    assertThat(headlines("headline", "Beach Day")).containsExactly("Beach Day");
    assertThat(headlines("headline", "BEACH DAY")).isEmpty();
  }

  @DbTest
  void exactDoesNotIgnoreTrailingSpaces() {
    seed("abc", "abc ");
    assertThat(headlines("headline", "abc")).containsExactly("abc");
    assertThat(headlines("headline", "abc ")).containsExactly("abc ");
  }

  @DbTest
  void exactNullMeansIsNull() {
    Article a = Article.make("with tag");
    a.tag = "x";
    a.save();
    Article.make("no tag").save();
    assertThat(headlines("tag", null)).containsExactly("no tag");
    assertThat(headlines("tag__exact", null)).containsExactly("no tag");
    assertThat(Article.objects.exclude("tag", null).valuesList("headline").flat().list())
        .containsExactly("with tag");
  }

  @DbTest
  void iexactFoldsCaseIncludingNonAscii() {
    seed("Beach Day", "beach day", "BEACH DAY!", "Ärger", "ÄRGER", "ärger");
    assertThat(headlines("headline__iexact", "beach DAY"))
        .containsExactly("Beach Day", "beach day");
    assertThat(headlines("headline__iexact", "ärger")).containsExactly("ÄRGER", "Ärger", "ärger");
  }

  @DbTest
  void containsIsCaseSensitiveEverywhere() {
    seed("Beach Day", "Summer beach", "Park");
    assertThat(headlines("headline__contains", "Beach")).containsExactly("Beach Day");
    assertThat(headlines("headline__contains", "beach")).containsExactly("Summer beach");
    assertThat(headlines("headline__contains", "BEACH")).isEmpty();
  }

  @DbTest
  void icontainsFoldsCaseIncludingNonAscii() {
    seed("Beach Day", "Summer beach", "Park", "Kein ÄRGER heute", "Viel ärger", "Arger");
    assertThat(headlines("headline__icontains", "BEACH"))
        .containsExactly("Beach Day", "Summer beach");
    assertThat(headlines("headline__icontains", "ärger"))
        .containsExactly("Kein ÄRGER heute", "Viel ärger");
    assertThat(headlines("headline__icontains", "ÄRGER"))
        .containsExactly("Kein ÄRGER heute", "Viel ärger");
    assertThat(headlines("headline__contains", "ärger")).containsExactly("Viel ärger");
  }

  @DbTest
  void startsWithAndEndsWith() {
    seed("Summer holiday", "summer camp", "Indian Summer", "winter");
    assertThat(headlines("headline__startswith", "Summer")).containsExactly("Summer holiday");
    assertThat(headlines("headline__istartswith", "SUMMER"))
        .containsExactly("Summer holiday", "summer camp");
    assertThat(headlines("headline__endswith", "Summer")).containsExactly("Indian Summer");
    assertThat(headlines("headline__endswith", "summer")).isEmpty();
    assertThat(headlines("headline__iendswith", "SUMMER")).containsExactly("Indian Summer");
    assertThat(headlines("headline__iendswith", "TER")).containsExactly("winter");
  }

  @DbTest
  void likeMetacharactersInValuesAreLiteral() {
    seed("100% sure", "100 percent", "a_b", "axb", "back\\slash", "backslash", "50%_off");
    assertThat(headlines("headline__contains", "%")).containsExactly("100% sure", "50%_off");
    assertThat(headlines("headline__contains", "_")).containsExactly("50%_off", "a_b");
    assertThat(headlines("headline__contains", "\\")).containsExactly("back\\slash");
    assertThat(headlines("headline__contains", "k\\s")).containsExactly("back\\slash");
    assertThat(headlines("headline__startswith", "100%")).containsExactly("100% sure");
    assertThat(headlines("headline__endswith", "%_off")).containsExactly("50%_off");
    assertThat(headlines("headline__icontains", "A_B")).containsExactly("a_b");
    assertThat(headlines("headline__istartswith", "100%")).containsExactly("100% sure");
    assertThat(headlines("headline__iendswith", "\\SLASH")).containsExactly("back\\slash");
    assertThat(headlines("headline__contains", "%%")).isEmpty();
  }

  @DbTest
  void likeIsSentWithAnExplicitEscapeAndTheValueBound() {
    seed("100% sure");
    List<CapturedQuery> ran =
        Database.captureQueries(() -> headlines("headline__contains", "0% s"));
    assertThat(ran).hasSize(1);
    assertThat(ran.get(0).sql()).contains(" LIKE ").contains("ESCAPE");
    assertThat(ran.get(0).sql()).doesNotContain("0% s");
    assertThat(ran.get(0).params()).contains("%0\\% s%");
    for (String lookup :
        List.of("icontains", "startswith", "istartswith", "endswith", "iendswith")) {
      String sql = Article.objects.filter("headline__" + lookup, "x").query().sql();
      assertThat(sql).as(lookup).contains("ESCAPE");
    }
  }

  @DbTest
  void patternAgainstAColumnEscapesTheColumnsValue() {
    Article pct = Article.make("50% off");
    pct.tag = "%";
    pct.save();
    Article plain = Article.make("nothing special");
    plain.tag = "%";
    plain.save();
    Article under = Article.make("snake_case");
    under.tag = "e_c";
    under.save();
    Article other = Article.make("snakeXcase");
    other.tag = "e_c";
    other.save();
    Article slash = Article.make("a\\b");
    slash.tag = "\\";
    slash.save();
    Article noSlash = Article.make("ab");
    noSlash.tag = "\\";
    noSlash.save();
    assertThat(headlines("headline__contains", F.of("tag")))
        .containsExactly("50% off", "a\\b", "snake_case");
    assertThat(headlines("headline__icontains", F.of("tag")))
        .containsExactly("50% off", "a\\b", "snake_case");
    Article starts = Article.make("Prefix here");
    starts.tag = "Prefix";
    starts.save();
    assertThat(headlines("headline__startswith", F.of("tag"))).containsExactly("Prefix here");
    assertThat(headlines("headline__istartswith", F.of("tag"))).containsExactly("Prefix here");
    assertThat(headlines("headline__endswith", F.of("tag"))).isEmpty();
  }

  @DbTest
  void regexSearchesAndIregexFoldsCase() {
    seed("Summer holiday", "Winter sports", "summer camp", "Autumn", "Ärger");
    assertThat(headlines("headline__regex", "^(Summer|Winter) "))
        .containsExactly("Summer holiday", "Winter sports");
    assertThat(headlines("headline__regex", "mm")).containsExactly("Summer holiday", "summer camp");
    assertThat(headlines("headline__regex", "^S")).containsExactly("Summer holiday");
    assertThat(headlines("headline__iregex", "^s"))
        .containsExactly("Summer holiday", "summer camp");
    assertThat(headlines("headline__iregex", "^(AUTUMN|winter)"))
        .containsExactly("Autumn", "Winter sports");
    assertThat(headlines("headline__iregex", "^ä")).containsExactly("Ärger");
    assertThat(headlines("headline__regex", "[0-9]")).isEmpty();
  }

  @DbTest
  void lookupsOnATextFieldWorkToo() {
    Article a = Article.make("one");
    a.body = "Long text about the Beach";
    a.save();
    Article b = Article.make("two");
    b.body = "nothing";
    b.save();
    assertThat(headlines("body__icontains", "beach")).containsExactly("one");
    assertThat(headlines("body__contains", "beach")).isEmpty();
    assertThat(headlines("body__endswith", "Beach")).containsExactly("one");
  }

  @DbTest
  void badLookupValuesAreRefusedBeforeSql() {
    seed("x");
    List<CapturedQuery> ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> headlines("headline__contains", null))
                  .isInstanceOf(ValidationError.class);
              assertThatThrownBy(() -> headlines("headline__contains", List.of("a")))
                  .isInstanceOf(ValidationError.class);
              assertThatThrownBy(() -> headlines("headline__exact", List.of("a")))
                  .isInstanceOf(ValidationError.class);
              assertThatThrownBy(() -> headlines("headline__likeish", "a"))
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("likeish")
                  .hasMessageContaining("headline")
                  .hasMessageContaining("icontains");
              assertThatThrownBy(() -> headlines("headlin__exact", "a"))
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("headlin")
                  .hasMessageContaining("Article");
            });
    assertThat(ran).isEmpty();
    assertNumQueries(1, () -> headlines("headline__icontains", "x"));
  }
}
