package io.vibevault.orm.tests.lookup;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** gt, gte, lt, lte, range, isnull and in, on numbers, text and nullable columns. */
@DatabaseTest(models = {Article.class})
class ComparisonLookupsTest {

  private static Article article(String headline, int views, Double rating) {
    Article a = Article.make(headline);
    a.views = views;
    a.rating = rating;
    a.save();
    return a;
  }

  private void seed() {
    article("a", 0, 1.5);
    article("b", 10, null);
    article("c", 20, 3.0);
    article("d", 30, 4.5);
    article("e", -5, null);
  }

  private static List<String> headlines(Object... conditions) {
    List<String> out =
        new ArrayList<>(
            Article.objects.filter(conditions).valuesList("headline").<String>flat().list());
    Collections.sort(out);
    return out;
  }

  @DbTest
  void orderingComparisons() {
    seed();
    assertThat(headlines("views__gt", 10)).containsExactly("c", "d");
    assertThat(headlines("views__gte", 10)).containsExactly("b", "c", "d");
    assertThat(headlines("views__lt", 10)).containsExactly("a", "e");
    assertThat(headlines("views__lte", 10)).containsExactly("a", "b", "e");
    assertThat(headlines("views__lt", 0)).containsExactly("e");
    assertThat(headlines("rating__gt", 2)).containsExactly("c", "d");
    assertThat(headlines("rating__lte", 3.0)).containsExactly("a", "c");
    assertThat(headlines("headline__gt", "c")).containsExactly("d", "e");
    assertThat(headlines("headline__lte", "b")).containsExactly("a", "b");
    assertThat(headlines("views__gt", "15")).as("numbers given as text are parsed").hasSize(2);
  }

  @DbTest
  void comparisonsNeverMatchNull() {
    seed();
    assertThat(headlines("rating__gt", -100)).containsExactly("a", "c", "d");
    assertThat(headlines("rating__lt", 100)).containsExactly("a", "c", "d");
    assertThat(Article.objects.exclude("rating__gt", 2).valuesList("headline").flat().list())
        .as("exclude keeps NULL ratings out of the NOT, as Django does")
        .containsExactlyInAnyOrder("a", "b", "e");
  }

  @DbTest
  void comparisonWithAnotherColumn() {
    article("more views than rating", 10, 2.0);
    article("less views than rating", 1, 2.0);
    assertThat(headlines("views__gt", F.of("rating"))).containsExactly("more views than rating");
    assertThat(headlines("views__lte", F.of("rating").times(1)))
        .containsExactly("less views than rating");
  }

  @DbTest
  void rangeIncludesBothEnds() {
    seed();
    assertThat(headlines("views__range", List.of(0, 20))).containsExactly("a", "b", "c");
    assertThat(headlines("views__range", new Object[] {-5, -5})).containsExactly("e");
    assertThat(headlines("views__range", List.of(31, 40))).isEmpty();
    assertThat(headlines("headline__range", List.of("b", "d"))).containsExactly("b", "c", "d");
    assertThat(headlines("rating__range", List.of(1.5, F.of("views")))).containsExactly("c", "d");
    assertThatThrownBy(() -> headlines("views__range", List.of(1)))
        .isInstanceOf(ValidationError.class);
    assertThatThrownBy(() -> headlines("views__range", 5)).isInstanceOf(ValidationError.class);
  }

  @DbTest
  void isnull() {
    seed();
    assertThat(headlines("rating__isnull", true)).containsExactly("b", "e");
    assertThat(headlines("rating__isnull", false)).containsExactly("a", "c", "d");
    assertThat(Article.objects.exclude("rating__isnull", true).count()).isEqualTo(3);
    var ran =
        Database.captureQueries(
            () ->
                assertThatThrownBy(() -> headlines("rating__isnull", "yes"))
                    .isInstanceOf(ArgumentError.class));
    assertThat(ran).isEmpty();
  }

  @DbTest
  void inMatchesAnyListedValue() {
    seed();
    assertThat(headlines("views__in", List.of(0, 30, 999))).containsExactly("a", "d");
    assertThat(headlines("headline__in", List.of("b", "c", "zz"))).containsExactly("b", "c");
    assertThat(headlines("views__in", new Object[] {10, 20})).containsExactly("b", "c");
    assertThat(headlines("views__in", List.of(10, 10, 10))).containsExactly("b");
    assertThat(Article.objects.exclude("views__in", List.of(0, 10)).count()).isEqualTo(3);
  }

  @DbTest
  void inWithAnEmptyListMatchesNothingWithoutAQuery() {
    seed();
    assertNoQueries(() -> assertThat(headlines("views__in", List.of())).isEmpty());
    assertNoQueries(
        () -> assertThat(Article.objects.filter("views__in", List.of()).count()).isZero());
    assertNoQueries(
        () -> assertThat(Article.objects.filter("views__in", List.of()).exists()).isFalse());
    assertThat(
            Article.objects
                .filter(Q.of("views__in", List.of()).or(Q.of("headline", "a")))
                .valuesList("headline")
                .flat()
                .list())
        .as("an empty IN inside an OR drops only its branch")
        .containsExactly("a");
    assertThat(Article.objects.exclude("views__in", List.of()).count())
        .as("excluding an empty IN keeps every row")
        .isEqualTo(5);
  }

  @DbTest
  void inDropsNulls() {
    seed();
    assertThat(headlines("rating__in", Arrays.asList(1.5, null))).containsExactly("a");
    List<Object> onlyNull = new ArrayList<>();
    onlyNull.add(null);
    assertNoQueries(() -> assertThat(headlines("rating__in", onlyNull)).isEmpty());
  }

  @DbTest
  void inWithSeventyThousandValuesWorks() {
    seed();
    List<Long> ids = new ArrayList<>(Article.objects.valuesList("id").<Long>flat().list());
    List<Object> huge = new ArrayList<>();
    for (long i = 1_000_000; huge.size() < 70_000; i++) {
      huge.add(i);
    }
    huge.add(35_000, ids.get(0));
    huge.add(ids.get(1));
    assertThat(huge).hasSize(70_002);
    long count = assertNumQueries(1, () -> Article.objects.filter("id__in", huge).count());
    assertThat(count).isEqualTo(2);
    List<String> text = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      text.add("h" + i);
    }
    text.add("c");
    assertThat(headlines("headline__in", text)).containsExactly("c");
    assertThat(Article.objects.exclude("id__in", huge).count()).isEqualTo(3);
  }

  @DbTest
  void inRefusesAScalar() {
    var ran =
        Database.captureQueries(
            () ->
                assertThatThrownBy(() -> headlines("views__in", 5))
                    .isInstanceOf(ValidationError.class));
    assertThat(ran).isEmpty();
  }
}
