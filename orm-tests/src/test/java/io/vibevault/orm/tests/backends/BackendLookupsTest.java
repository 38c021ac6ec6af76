package io.vibevault.orm.tests.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.backend.DatePart;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.PatternKind;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The backend operations behind lookups, on every database: LIKE escaping and case, regular
 * expressions, date parts, date arithmetic, JSON paths with hostile keys, IN lists, paging and NULL
 * ordering. Every database must give PostgreSQL's answers.
 */
@DatabaseTest(
    models = {BackendModels.Author.class, BackendModels.Tag.class, BackendModels.Item.class})
class BackendLookupsTest {
  private static final Fragment TITLE = Fragment.sql("\"title\"");
  private static final Fragment DATA = Fragment.sql("\"data\"");

  /** Keys that look like path syntax, quotes or SQL: each must be read literally. */
  static final List<String> KEYS =
      List.of(
          "a\"b",
          "c\\d",
          "x.y",
          "$",
          "*",
          "[0]",
          "s p",
          "😀",
          "'",
          "a'b",
          "$.x",
          "a\"]",
          "\\\"",
          "%",
          "_",
          "--",
          "/*",
          "?",
          "$[0]",
          ".",
          "a\\\\\"b",
          "ключ",
          "-",
          "-x",
          "a-b",
          " ",
          "line\nbreak",
          "tab\there",
          "\u0001");

  private RawSql db;

  @BeforeEach
  void createRows(TestDatabase database) {
    db = new RawSql(database);
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Ann");
    Map<String, Object> weird = new LinkedHashMap<>();
    for (int i = 0; i < KEYS.size(); i++) {
      weird.put(KEYS.get(i), "v" + i);
    }
    weird.put("x", Map.of("y", "nested, not x.y"));
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("word_count", 60);
    first.put("label", "Positive");
    first.put("nothing", null);
    first.put("nested", Map.of("a", List.of(10, Map.of("b", "deep"))));
    Object[][] rows = {
      {"100% sure", JsonText.of(first), Instant.parse("2021-01-03T10:20:30.5Z")},
      {"a_b", JsonText.of(Map.of("word_count", 100, "label", "negative")), null},
      {"back\\slash", JsonText.of(Map.of("word_count", 9)), null},
      {"ÄRGER", JsonText.of(Map.of("word_count", "77")), null},
      {"ärger", JsonText.of(Map.of("other", 1)), null},
      {"Abc", JsonText.of(weird), null},
      {"abc", null, null},
    };
    for (Object[] r : rows) {
      db.executeList(
          "INSERT INTO \"bt_item\" (\"author_id\", \"title\", \"data\", \"created_at\", \"day\")"
              + " VALUES (?, ?, ?, ?, ?)",
          java.util.Arrays.asList(1L, r[0], r[1], r[2], LocalDate.of(2021, 12, 31)));
    }
  }

  private List<Object> like(PatternKind kind, String value) {
    return db.titlesWhere(
        db.ops().patternMatch(kind, TITLE, Fragment.of("?", kind.pattern(value)), true));
  }

  /** The right side as an SQL expression: the database escapes and wraps it. */
  private List<Object> likeExpression(PatternKind kind, String value) {
    return db.titlesWhere(db.ops().patternMatch(kind, TITLE, Fragment.of("?", value), false));
  }

  @DbTest
  void likeIsCaseSensitiveAndEscapesWildcards() {
    for (boolean expression : new boolean[] {false, true}) {
      java.util.function.BiFunction<PatternKind, String, List<Object>> match =
          expression ? this::likeExpression : this::like;
      assertThat(match.apply(PatternKind.CONTAINS, "%")).containsExactly("100% sure");
      assertThat(match.apply(PatternKind.CONTAINS, "_")).containsExactly("a_b");
      assertThat(match.apply(PatternKind.CONTAINS, "\\")).containsExactly("back\\slash");
      assertThat(match.apply(PatternKind.CONTAINS, "bc")).containsExactly("Abc", "abc");
      assertThat(match.apply(PatternKind.STARTSWITH, "a")).containsExactly("a_b", "abc");
      assertThat(match.apply(PatternKind.STARTSWITH, "a_")).containsExactly("a_b");
      assertThat(match.apply(PatternKind.ENDSWITH, "\\slash")).containsExactly("back\\slash");
      assertThat(match.apply(PatternKind.ICONTAINS, "ärg")).containsExactly("ÄRGER", "ärger");
      assertThat(match.apply(PatternKind.ISTARTSWITH, "AB")).containsExactly("Abc", "abc");
      assertThat(match.apply(PatternKind.IENDSWITH, "GER")).containsExactly("ÄRGER", "ärger");
      assertThat(match.apply(PatternKind.ICONTAINS, "%")).containsExactly("100% sure");
    }
  }

  @DbTest
  void iexactAndRegexFollowPostgresql() {
    assertThat(db.titlesWhere(db.ops().iexact(TITLE, Fragment.of("?", "äRgEr"))))
        .containsExactly("ÄRGER", "ärger");
    assertThat(db.titlesWhere(db.ops().regex(TITLE, Fragment.of("?", "^a.c$"), false)))
        .containsExactly("abc");
    assertThat(db.titlesWhere(db.ops().regex(TITLE, Fragment.of("?", "^A.C$"), true)))
        .containsExactly("Abc", "abc");
    assertThat(db.titlesWhere(db.ops().regex(TITLE, Fragment.of("?", "^är"), true)))
        .containsExactly("ÄRGER", "ärger");
  }

  @DbTest
  void datePartsUseDjangosNumbering() {
    Fragment where = Fragment.of(" FROM \"bt_item\" WHERE \"title\" = ?", "100% sure");
    Map<DatePart, Long> dateTime = new LinkedHashMap<>();
    // 2021-01-03 is a Sunday in ISO week 53 of 2020.
    dateTime.put(DatePart.YEAR, 2021L);
    dateTime.put(DatePart.ISO_YEAR, 2020L);
    dateTime.put(DatePart.QUARTER, 1L);
    dateTime.put(DatePart.MONTH, 1L);
    dateTime.put(DatePart.WEEK, 53L);
    dateTime.put(DatePart.DAY, 3L);
    dateTime.put(DatePart.WEEK_DAY, 1L);
    dateTime.put(DatePart.ISO_WEEK_DAY, 7L);
    dateTime.put(DatePart.HOUR, 10L);
    dateTime.put(DatePart.MINUTE, 20L);
    dateTime.put(DatePart.SECOND, 30L);
    dateTime.forEach(
        (part, expected) -> {
          Fragment e =
              db.ops().dateExtract(part, Fragment.sql("\"created_at\""), FieldKind.DATE_TIME);
          assertThat(db.column(Fragment.format("SELECT %s%s", e, where), FieldKind.BIG_INTEGER))
              .as(part.lookupName())
              .containsExactly(expected);
        });
    // 2021-12-31 is a Friday, ISO week 52.
    Map<DatePart, Long> date =
        Map.of(
            DatePart.WEEK_DAY, 6L,
            DatePart.ISO_WEEK_DAY, 5L,
            DatePart.QUARTER, 4L,
            DatePart.WEEK, 52L,
            DatePart.ISO_YEAR, 2021L);
    date.forEach(
        (part, expected) -> {
          Fragment e = db.ops().dateExtract(part, Fragment.sql("\"day\""), FieldKind.DATE);
          assertThat(db.column(Fragment.format("SELECT %s%s", e, where), FieldKind.BIG_INTEGER))
              .as(part.lookupName())
              .containsExactly(expected);
        });
    Fragment created = Fragment.sql("\"created_at\"");
    assertThat(
            db.column(
                Fragment.format("SELECT %s%s", db.ops().castToDate(created), where),
                FieldKind.DATE))
        .containsExactly(LocalDate.of(2021, 1, 3));
    assertThat(
            db.column(
                Fragment.format("SELECT %s%s", db.ops().castToTime(created), where),
                FieldKind.TIME))
        .containsExactly(LocalTime.of(10, 20, 30, 500_000_000));
  }

  @DbTest
  void dateTimeArithmetic() {
    Fragment where = Fragment.of(" FROM \"bt_item\" WHERE \"title\" = ?", "100% sure");
    Fragment created = Fragment.sql("\"created_at\"");
    Duration shift = Duration.ofDays(44).plusHours(1).plusNanos(1000);
    Fragment later = db.ops().dateTimeAdd(created, Fragment.of("?", shift), false);
    assertThat(db.column(Fragment.format("SELECT %s%s", later, where), FieldKind.DATE_TIME))
        .containsExactly(Instant.parse("2021-02-16T11:20:30.500001Z"));
    Fragment earlier = db.ops().dateTimeAdd(created, Fragment.of("?", shift), true);
    assertThat(db.column(Fragment.format("SELECT %s%s", earlier, where), FieldKind.DATE_TIME))
        .containsExactly(Instant.parse("2020-11-20T09:20:30.499999Z"));
    Fragment diff =
        db.ops()
            .dateTimeDiff(
                created,
                Fragment.of("?", Instant.parse("2021-01-01T00:00:00Z")),
                FieldKind.DATE_TIME);
    assertThat(db.column(Fragment.format("SELECT %s%s", diff, where), FieldKind.DURATION))
        .containsExactly(Duration.parse("PT58H20M30.5S"));
    Fragment days =
        db.ops()
            .dateTimeDiff(
                Fragment.sql("\"day\""),
                Fragment.of("?", LocalDate.of(2021, 12, 1)),
                FieldKind.DATE);
    assertThat(db.column(Fragment.format("SELECT %s%s", days, where), FieldKind.DURATION))
        .containsExactly(Duration.ofDays(30));
    Fragment filter =
        Fragment.format(
            "\"created_at\" > %s",
            db.ops()
                .dateTimeAdd(
                    Fragment.of("?", Instant.parse("2020-11-20T10:20:30Z")),
                    Fragment.of("?", Duration.ofDays(44)),
                    false));
    assertThat(db.titlesWhere(filter)).containsExactly("100% sure");
  }

  @DbTest
  void jsonNullIsAKeyButNotAMissingOne() {
    assertThat(db.titlesWhere(db.ops().jsonHasKey(DATA, List.of("nothing"))))
        .containsExactly("100% sure");
    Fragment isJsonNull =
        Fragment.format(
            "%s = %s",
            db.ops().jsonExtract(DATA, List.of("nothing")),
            db.ops().jsonValue(new JsonText("null")));
    assertThat(db.titlesWhere(isJsonNull)).containsExactly("100% sure");
  }

  @DbTest
  void jsonNumbersCompareAsNumbers() {
    Fragment gt = compare(db.ops().jsonExtractNumber(DATA, List.of("word_count")), ">", 55L);
    // "77" is a string, not a number: PostgreSQL's answer.
    assertThat(db.titlesWhere(gt)).containsExactly("100% sure", "a_b");
    Fragment label = compare(db.ops().jsonExtractScalar(DATA, List.of("label")), "=", "Positive");
    assertThat(db.titlesWhere(label)).containsExactly("100% sure");
    Fragment icontains =
        db.ops()
            .patternMatch(
                PatternKind.ICONTAINS,
                db.ops().jsonExtractScalar(DATA, List.of("label")),
                Fragment.of("?", PatternKind.ICONTAINS.pattern("SITIV")),
                true);
    assertThat(db.titlesWhere(icontains)).containsExactly("100% sure");
  }

  @DbTest
  void nestedKeysAndArrayIndexes() {
    Fragment deep =
        compare(db.ops().jsonExtractScalar(DATA, List.of("nested", "a", 1, "b")), "=", "deep");
    assertThat(db.titlesWhere(deep)).containsExactly("100% sure");
    Fragment ten =
        Fragment.format(
            "%s = %s",
            db.ops().jsonExtract(DATA, List.of("nested", "a", 0)),
            db.ops().jsonValue(new JsonText("10")));
    assertThat(db.titlesWhere(ten)).containsExactly("100% sure");
  }

  @DbTest
  void everyKeyIsReadLiterally() {
    for (int i = 0; i < KEYS.size(); i++) {
      String key = KEYS.get(i);
      Fragment value =
          Fragment.format(
              "SELECT %s FROM \"bt_item\" WHERE \"title\" = 'Abc'",
              db.ops().jsonExtractScalar(DATA, List.of(key)));
      assertThat(db.column(value, FieldKind.TEXT)).as(key).containsExactly("v" + i);
      assertThat(db.titlesWhere(db.ops().jsonHasKey(DATA, List.of(key))))
          .as(key)
          .containsExactly("Abc");
      assertThat(db.titlesWhere(db.ops().jsonHasKey(DATA, List.of(key + "!")))).isEmpty();
    }
  }

  @DbTest
  void inListsSplitIntoChunks() {
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      many.add("no such title " + i);
    }
    many.add("abc");
    assertThat(db.titlesWhere(db.ops().inList(TITLE, many, FieldKind.CHAR))).containsExactly("abc");
    assertThat(db.titlesWhere(db.ops().inList(TITLE, List.of("a_b", "Abc"), FieldKind.CHAR)))
        .containsExactly("a_b", "Abc");
  }

  @DbTest
  void inListsOfTypedValues() {
    assertThat(
            db.titlesWhere(
                db.ops().inList(Fragment.sql("\"id\""), List.of(1L, 3L), FieldKind.BIG_AUTO)))
        .containsExactly("100% sure", "back\\slash");
    assertThat(
            db.titlesWhere(
                db.ops()
                    .inList(
                        Fragment.sql("\"created_at\""),
                        List.of(Instant.parse("2021-01-03T10:20:30.5Z")),
                        FieldKind.DATE_TIME)))
        .containsExactly("100% sure");
    assertThat(
            db.titlesWhere(
                db.ops()
                    .inList(
                        Fragment.sql("\"day\""),
                        List.of(LocalDate.of(2021, 12, 31), LocalDate.of(2000, 1, 1)),
                        FieldKind.DATE)))
        .hasSize(7);
  }

  @DbTest
  void pagingAndNullOrdering() {
    Fragment page =
        Fragment.format(
            "SELECT \"title\" FROM \"bt_item\" ORDER BY \"id\"%s", db.ops().limitOffset(null, 5));
    assertThat(db.column(page, FieldKind.TEXT)).containsExactly("Abc", "abc");
    page =
        Fragment.format(
            "SELECT \"title\" FROM \"bt_item\" ORDER BY \"id\"%s", db.ops().limitOffset(2L, 1));
    assertThat(db.column(page, FieldKind.TEXT)).containsExactly("a_b", "back\\slash");
    Fragment order =
        Fragment.format(
            "SELECT \"title\" FROM \"bt_item\" ORDER BY %s, \"id\"",
            db.ops().orderBy(Fragment.sql("\"created_at\""), false, false));
    assertThat(db.column(order, FieldKind.TEXT)).first().isEqualTo("100% sure");
    order =
        Fragment.format(
            "SELECT \"title\" FROM \"bt_item\" ORDER BY %s, \"id\"",
            db.ops().orderBy(Fragment.sql("\"created_at\""), true, true));
    assertThat(db.column(order, FieldKind.TEXT)).last().isEqualTo("100% sure");
  }

  private static Fragment compare(Fragment lhs, String operator, Object value) {
    List<Object> params = new ArrayList<>(lhs.params());
    params.add(value);
    return new Fragment(lhs.sql() + " " + operator + " ?", params);
  }
}
