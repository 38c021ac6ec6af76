package io.vibevault.orm.tests.security;

import static io.vibevault.orm.tests.security.Hostile.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS.md §2.7, the rows that apply before Trunc and time zones arrive: a date part named in a
 * lookup path is one of the enum's lookup names, spelled exactly, with the same meaning on every
 * backend; any other spelling, and anything injected into the kind position, is a FieldError.
 */
@DatabaseTest(models = {User.class, Memory.class})
class ExtractKindsTest {
  private static final List<Instant> DATES =
      List.of(
          Instant.parse("2020-12-31T23:59:59Z"),
          Instant.parse("2021-01-01T00:00:00Z"),
          Instant.parse("2021-01-03T12:30:45Z"),
          Instant.parse("2024-02-29T06:07:08Z"),
          Instant.parse("2024-12-30T18:00:00Z"),
          Instant.parse("2027-01-01T01:02:03Z"));

  private static final Map<String, Function<ZonedDateTime, Integer>> PARTS =
      Map.ofEntries(
          Map.entry("year", ZonedDateTime::getYear),
          Map.entry("iso_year", t -> t.get(IsoFields.WEEK_BASED_YEAR)),
          Map.entry("quarter", t -> t.get(IsoFields.QUARTER_OF_YEAR)),
          Map.entry("month", ZonedDateTime::getMonthValue),
          Map.entry("week", t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
          Map.entry("day", ZonedDateTime::getDayOfMonth),
          Map.entry(
              "week_day",
              t -> t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1),
          Map.entry("iso_week_day", t -> t.getDayOfWeek().getValue()),
          Map.entry("hour", ZonedDateTime::getHour),
          Map.entry("minute", ZonedDateTime::getMinute),
          Map.entry("second", ZonedDateTime::getSecond));

  @BeforeEach
  void seed() {
    User ada = Hostile.user("ada");
    for (Instant d : DATES) {
      Memory m = Hostile.memory(ada, d.toString(), Map.of());
      m.createdAt = d;
      m.save();
    }
  }

  private static Set<String> titles(List<Memory> rows) {
    return rows.stream().map(m -> m.title).collect(Collectors.toCollection(TreeSet::new));
  }

  @DbTest
  void h55EveryLookupNameMeansTheSameEverywhere() {
    for (Map.Entry<String, Function<ZonedDateTime, Integer>> part : PARTS.entrySet()) {
      for (Instant probe : DATES) {
        int value = part.getValue().apply(probe.atZone(ZoneOffset.UTC));
        Set<String> expected =
            DATES.stream()
                .filter(d -> part.getValue().apply(d.atZone(ZoneOffset.UTC)) == value)
                .map(Instant::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(titles(Memory.objects.filter("createdAt__" + part.getKey(), value).list()))
            .as("createdAt__%s = %d", part.getKey(), value)
            .isEqualTo(expected);
        assertThat(
                titles(
                    Memory.objects.filter("createdAt__" + part.getKey() + "__gte", value).list()))
            .as("createdAt__%s__gte %d", part.getKey(), value)
            .isEqualTo(
                DATES.stream()
                    .filter(d -> part.getValue().apply(d.atZone(ZoneOffset.UTC)) >= value)
                    .map(Instant::toString)
                    .collect(Collectors.toCollection(TreeSet::new)));
      }
    }
  }

  @DbTest
  void h55OtherSpellingsAreRefused() {
    for (String kind :
        List.of(
            "YEAR",
            "Year",
            "year ",
            " year",
            "years",
            "epoch",
            "week_of_year",
            "isoyear",
            "isoYear",
            "weekDay",
            "dow",
            "doy",
            "millisecond",
            "microsecond",
            "nanosecond",
            "timezone",
            "date_part",
            "ｙｅａｒ",
            "year\u0000",
            "")) {
      rejected(FieldError.class, () -> Memory.objects.filter("createdAt__" + kind, 2024).list());
      rejected(
          FieldError.class, () -> Memory.objects.filter("createdAt__" + kind + "__gt", 1).list());
      rejected(FieldError.class, () -> Memory.objects.values("createdAt__" + kind).list());
      rejected(FieldError.class, () -> Memory.objects.orderBy("createdAt__" + kind).list());
    }
  }

  @DbTest
  void h53InjectionInTheKindPosition() {
    for (String kind :
        List.of(
            "year', created_at)) OR 1=1;--",
            "year') OR 1=1;--",
            "year FROM created_at)) OR 1=1;--",
            "%Y', created_at) OR 1=1 --",
            "year\"",
            "year;")) {
      FieldError e =
          rejected(FieldError.class, () -> Memory.objects.filter("createdAt__" + kind, 1).list());
      assertThat(e.getMessage()).contains(FieldError.quote(kind));
      rejected(FieldError.class, () -> Memory.objects.filter("createdAt__" + kind + "__gte", 1));
      rejected(FieldError.class, () -> Memory.objects.values("createdAt__" + kind).list());
    }
  }

  @DbTest
  void datePartsOfTextOrIntegerFieldsAreRefused() {
    rejected(FieldError.class, () -> Memory.objects.filter("title__year", 2024).list());
    rejected(FieldError.class, () -> Memory.objects.filter("views__month", 1).list());
    rejected(FieldError.class, () -> Memory.objects.filter("createdAt__year__year", 1).list());
  }
}
