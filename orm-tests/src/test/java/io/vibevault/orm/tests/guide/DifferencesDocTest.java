package io.vibevault.orm.tests.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.List;

/** docs/differences.md: the same answer on every backend. */
@DatabaseTest(models = {Tag.class})
class DifferencesDocTest {

  private static List<String> names(QuerySet<Tag> qs) {
    return qs.valuesList("name").<String>flat().list();
  }

  private static void seed() {
    for (String name : List.of("abc", "abc ", "ABC", "äbc", "b", "100%")) {
      Tag.objects.create("name", name);
    }
  }

  @DbTest
  void exactComparisonsAreExact() {
    seed();
    assertThat(names(Tag.objects.filter("name", "abc"))).containsExactly("abc");
    assertThat(names(Tag.objects.filter("name", "abc "))).containsExactly("abc ");
    assertThat(names(Tag.objects.filter("name", "ABC"))).containsExactly("ABC");
    assertThat(names(Tag.objects.filter("name__in", List.of("abc", "x")))).containsExactly("abc");
    // A number given for a text field is compared as text ('abc' = 0 is true on MySQL)
    assertThat(Tag.objects.filter("name", 0).exists()).isFalse();
    assertThat(Tag.objects.filter("name", 0).query().params()).containsExactly("0");
  }

  @DbTest
  void textOrdersByCodePoint() {
    seed();
    assertThat(names(Tag.objects.orderBy("name")))
        .containsExactly("100%", "ABC", "abc", "abc ", "b", "äbc");
  }

  @DbTest
  void patternLookupsAreCaseSensitiveUnlessTheyStartWithI() {
    seed();
    assertThat(names(Tag.objects.filter("name__contains", "ab").orderBy("name")))
        .containsExactly("abc", "abc ");
    assertThat(names(Tag.objects.filter("name__startswith", "A"))).containsExactly("ABC");
    assertThat(names(Tag.objects.filter("name__icontains", "AB").orderBy("name")))
        .containsExactly("ABC", "abc", "abc ");
    assertThat(names(Tag.objects.filter("name__iexact", "abc").orderBy("name")))
        .containsExactly("ABC", "abc");
  }

  @DbTest
  void caseInsensitiveLookupsKnowNonAsciiLetters() {
    seed();
    assertThat(names(Tag.objects.filter("name__iexact", "ÄBC"))).containsExactly("äbc");
    assertThat(names(Tag.objects.filter("name__istartswith", "Ä"))).containsExactly("äbc");
  }
}
