package io.vibevault.orm.tests.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The date and time transforms on DateTimeField (in UTC), DateField and TimeField, alone and
 * chained with a comparison. The dates are chosen where the parts disagree: 2021-01-03 is a Sunday
 * in ISO week 53 of 2020, 2024-12-30 a Monday in ISO week 1 of 2025.
 */
@DatabaseTest(models = {Article.class})
class DateLookupsTest {

  private static void article(String headline, String utc) {
    Article a = Article.make(headline);
    LocalDateTime t = LocalDateTime.parse(utc);
    a.pubDate = t.toInstant(ZoneOffset.UTC);
    a.published = t.toLocalDate();
    a.alarm = t.toLocalTime();
    a.save();
  }

  private void seed() {
    article("summer", "2024-07-04T09:30:15"); // Thursday, ISO week 27, Q3
    article("newyear", "2021-01-03T23:59:59"); // Sunday, ISO 2020-W53, Q1
    article("turn", "2024-12-30T00:00:00"); // Monday, ISO 2025-W01, Q4
    Article.make("undated").save();
  }

  private static List<String> headlines(Object... conditions) {
    List<String> out =
        new ArrayList<>(
            Article.objects.filter(conditions).valuesList("headline").<String>flat().list());
    Collections.sort(out);
    return out;
  }

  @DbTest
  void dateTimeParts() {
    seed();
    assertThat(headlines("pubDate__year", 2024)).containsExactly("summer", "turn");
    assertThat(headlines("pubDate__iso_year", 2025)).containsExactly("turn");
    assertThat(headlines("pubDate__iso_year", 2020)).containsExactly("newyear");
    assertThat(headlines("pubDate__year", 2021)).containsExactly("newyear");
    assertThat(headlines("pubDate__month", 7)).containsExactly("summer");
    assertThat(headlines("pubDate__day", 30)).containsExactly("turn");
    assertThat(headlines("pubDate__week", 27)).containsExactly("summer");
    assertThat(headlines("pubDate__week", 53)).containsExactly("newyear");
    assertThat(headlines("pubDate__week", 1)).containsExactly("turn");
    assertThat(headlines("pubDate__week_day", 1)).as("Sunday is 1").containsExactly("newyear");
    assertThat(headlines("pubDate__week_day", 5)).as("Thursday is 5").containsExactly("summer");
    assertThat(headlines("pubDate__week_day", 2)).as("Monday is 2").containsExactly("turn");
    assertThat(headlines("pubDate__iso_week_day", 7)).as("ISO Sunday").containsExactly("newyear");
    assertThat(headlines("pubDate__iso_week_day", 1)).as("ISO Monday").containsExactly("turn");
    assertThat(headlines("pubDate__iso_week_day", 4)).containsExactly("summer");
    assertThat(headlines("pubDate__quarter", 1)).containsExactly("newyear");
    assertThat(headlines("pubDate__quarter", 3)).containsExactly("summer");
    assertThat(headlines("pubDate__quarter", 4)).containsExactly("turn");
    assertThat(headlines("pubDate__hour", 23)).containsExactly("newyear");
    assertThat(headlines("pubDate__minute", 30)).containsExactly("summer");
    assertThat(headlines("pubDate__second", 15)).containsExactly("summer");
    assertThat(headlines("pubDate__second", 0)).containsExactly("turn");
  }

  @DbTest
  void dateAndTimeOfADateTime() {
    seed();
    assertThat(headlines("pubDate__date", LocalDate.of(2024, 7, 4))).containsExactly("summer");
    assertThat(headlines("pubDate__date", "2021-01-03")).containsExactly("newyear");
    assertThat(headlines("pubDate__date__gte", LocalDate.of(2024, 1, 1)))
        .containsExactly("summer", "turn");
    assertThat(headlines("pubDate__date__range", List.of("2024-07-04", "2024-12-29")))
        .containsExactly("summer");
    assertThat(headlines("pubDate__time", LocalTime.of(9, 30, 15))).containsExactly("summer");
    assertThat(headlines("pubDate__time", LocalTime.MIDNIGHT)).containsExactly("turn");
    assertThat(headlines("pubDate__time__gte", LocalTime.of(12, 0))).containsExactly("newyear");
    assertThat(headlines("pubDate__time__lt", LocalTime.of(9, 30, 16)))
        .containsExactly("summer", "turn");
  }

  @DbTest
  void chainedComparisons() {
    seed();
    assertThat(headlines("pubDate__year__gte", 2024)).containsExactly("summer", "turn");
    assertThat(headlines("pubDate__year__lt", 2024)).containsExactly("newyear");
    assertThat(headlines("pubDate__hour__gte", 9)).containsExactly("newyear", "summer");
    assertThat(headlines("pubDate__month__in", List.of(1, 12))).containsExactly("newyear", "turn");
    assertThat(headlines("pubDate__week_day__range", List.of(2, 6)))
        .containsExactly("summer", "turn");
    assertThat(headlines("pubDate__iso_year__gt", 2024)).containsExactly("turn");
    assertThat(headlines("pubDate__quarter__lte", 3)).containsExactly("newyear", "summer");
    assertThat(headlines("pubDate__year__isnull", true)).containsExactly("undated");
  }

  @DbTest
  void comparisonsWithDatesAndDateTimes() {
    seed();
    assertThat(headlines("pubDate__gte", LocalDate.of(2024, 1, 1)))
        .as("a date compares as its UTC midnight")
        .containsExactly("summer", "turn");
    assertThat(headlines("pubDate__lt", Instant.parse("2024-07-04T09:30:15Z")))
        .containsExactly("newyear");
    assertThat(headlines("pubDate", Instant.parse("2024-07-04T09:30:15Z")))
        .containsExactly("summer");
    assertThat(
            headlines(
                "pubDate__range",
                List.of(
                    Instant.parse("2021-01-03T23:59:59Z"), Instant.parse("2024-07-04T09:30:15Z"))))
        .containsExactly("newyear", "summer");
    assertThat(headlines("pubDate__isnull", true)).containsExactly("undated");
  }

  @DbTest
  void dateFieldParts() {
    seed();
    assertThat(headlines("published__year", 2024)).containsExactly("summer", "turn");
    assertThat(headlines("published__iso_year", 2020)).containsExactly("newyear");
    assertThat(headlines("published__iso_year", 2025)).containsExactly("turn");
    assertThat(headlines("published__month", 12)).containsExactly("turn");
    assertThat(headlines("published__day", 4)).containsExactly("summer");
    assertThat(headlines("published__week", 53)).containsExactly("newyear");
    assertThat(headlines("published__week_day", 1)).containsExactly("newyear");
    assertThat(headlines("published__iso_week_day", 1)).containsExactly("turn");
    assertThat(headlines("published__quarter", 3)).containsExactly("summer");
    assertThat(headlines("published__year__gte", 2022)).containsExactly("summer", "turn");
    assertThat(headlines("published__month__lte", 7)).containsExactly("newyear", "summer");
    assertThat(headlines("published", LocalDate.of(2021, 1, 3))).containsExactly("newyear");
    assertThat(headlines("published__gt", "2024-07-04")).containsExactly("turn");
  }

  @DbTest
  void timeFieldParts() {
    seed();
    assertThat(headlines("alarm__hour", 9)).containsExactly("summer");
    assertThat(headlines("alarm__minute", 59)).containsExactly("newyear");
    assertThat(headlines("alarm__second", 0)).containsExactly("turn");
    assertThat(headlines("alarm__hour__gte", 9)).containsExactly("newyear", "summer");
    assertThat(headlines("alarm__gt", LocalTime.of(9, 0))).containsExactly("newyear", "summer");
  }

  @DbTest
  void partsThatDoNotApplyAreFieldErrorsBeforeSql() {
    seed();
    var ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> headlines("published__hour", 1))
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("hour")
                  .hasMessageContaining("published");
              assertThatThrownBy(() -> headlines("alarm__year", 2024))
                  .isInstanceOf(FieldError.class);
              assertThatThrownBy(() -> headlines("pubDate__fortnight", 1))
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("fortnight")
                  .hasMessageContaining("week_day");
              assertThatThrownBy(() -> headlines("views__year", 1)).isInstanceOf(FieldError.class);
            });
    assertThat(ran).isEmpty();
  }
}
