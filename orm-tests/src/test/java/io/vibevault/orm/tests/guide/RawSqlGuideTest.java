package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.query.RawQuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.QueryAssertions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Raw SQL": raw() for model instances, a Cursor for the rest, parameters always. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RawSqlGuideTest {

  @Order(1)
  @DbTest
  void rawReturnsModelInstances() {
    GuideData.seed();
    String searchQuery = "beach";
    // The guide's MATCH(text) AGAINST(%s) is MySQL full-text search; a portable query here.
    RawQuerySet<Memory> memories =
        Memory.objects.raw(
            "SELECT * FROM memories WHERE LOWER(text) LIKE %s ORDER BY id",
            "%" + searchQuery + "%");
    List<Memory> list = GuideSql.capture("raw", memories::list);
    assertThat(ids(list)).containsExactly(1L);
    assertThat(list.get(0).mediaType).isEqualTo(MediaType.PHOTO);

    // Columns that are not fields become annotations.
    Memory withExtra =
        Memory.objects
            .raw("SELECT id, title, LENGTH(title) AS title_length FROM memories WHERE id = %s", 1)
            .list()
            .get(0);
    assertThat(((Number) withExtra.annotation("title_length")).intValue()).isEqualTo(9);
    assertThat(withExtra.isDeferred("text")).isTrue(); // not selected
  }

  @Order(2)
  @DbTest
  void cursorForNonModelQueries() {
    GuideData.seed();
    List<Object[]> results =
        GuideSql.capture(
            "cursor",
            () -> {
              try (Cursor cursor = Database.connection().cursor()) {
                cursor.execute("SELECT COUNT(*), media_type FROM memories GROUP BY media_type");
                return cursor.fetchAll();
              }
            });
    List<List<Object>> rows = new ArrayList<>();
    results.stream()
        .sorted(Comparator.comparing(r -> (String) r[1]))
        .forEach(r -> rows.add(List.of(((Number) r[0]).longValue(), r[1])));
    assertThat(rows)
        .containsExactly(List.of(1L, "audio"), List.of(2L, "photo"), List.of(2L, "text"));
  }

  @Order(3)
  @DbTest
  void neverFormatInputIntoSql() {
    GuideData.seed();
    String userInput = "x' OR '1'='1";
    // NEVER: cursor.execute("SELECT * FROM memories WHERE title = '" + userInput + "'")
    try (Cursor cursor = Database.connection().cursor()) {
      List<Object[]> leaked =
          cursor
              .execute("SELECT id FROM memories WHERE title = '" + userInput + "' ORDER BY id")
              .fetchAll();
      assertThat(leaked).hasSize(5); // the injected OR matched every row
    }
    // Always parameterize: the input is a value, never SQL.
    try (Cursor cursor = Database.connection().cursor()) {
      assertThat(cursor.execute("SELECT id FROM memories WHERE title = %s", userInput).fetchAll())
          .isEmpty();
    }
  }

  @Order(4)
  @DbTest
  void alwaysParameterize() {
    GuideData.seed();
    long userInput = 5;
    Object[] row =
        GuideSql.capture(
            "parameterized",
            () -> {
              try (Cursor cursor = Database.connection().cursor()) {
                cursor.execute("SELECT * FROM memories WHERE id = %s", userInput);
                return cursor.fetchOne();
              }
            });
    try (Cursor cursor = Database.connection().cursor()) {
      cursor.execute("SELECT * FROM memories WHERE id = %s", userInput);
      assertThat(cursor.columns()).contains("title");
      assertThat(Arrays.asList(row)).contains("Park walk");
    }
    // The placeholder rule is checked before anything is sent.
    QueryAssertions.assertNoQueries(
        () -> {
          try (Cursor cursor = Database.connection().cursor()) {
            assertThatThrownBy(() -> cursor.execute("SELECT * FROM memories WHERE id = %s"))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("Raw SQL has 1 %s placeholder(s) but 0 parameter(s)");
            assertThatThrownBy(() -> cursor.execute("SELECT * FROM memories WHERE id = ?", 5))
                .isInstanceOf(ArgumentError.class);
            assertThatThrownBy(
                    () -> cursor.execute("SELECT * FROM memories WHERE title LIKE '%vacation%'"))
                .isInstanceOf(ArgumentError.class)
                .hasMessage(
                    "Unescaped '%' at offset 41 in raw SQL: use %s for a parameter, %% for '%'");
          }
        });
  }
}
