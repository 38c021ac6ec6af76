package io.vibevault.orm.tests.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/** Every neutral value survives a round trip through every database, raw cursors included. */
@DatabaseTest(
    models = {BackendModels.Author.class, BackendModels.Tag.class, BackendModels.Item.class})
class BackendValuesTest {
  private static final Manager<BackendModels.Item> ITEMS = Manager.of(BackendModels.Item.class);

  private RawSql db;

  /** One column, its kind, and the value written to it. */
  record Cell(String column, FieldKind kind, Object value) {}

  @BeforeEach
  void createAuthor(TestDatabase database) {
    db = new RawSql(database);
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Ann");
  }

  static List<List<Cell>> rows() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("word_count", 60);
    doc.put("label", "positive 😀");
    doc.put("nothing", null);
    doc.put("nested", Map.of("a", List.of(1, 2.5, "x")));
    List<Cell> first =
        List.of(
            new Cell("title", FieldKind.CHAR, "Ünïcødé 😀 title"),
            new Cell("body", FieldKind.TEXT, "line\nbreak, 'quotes' \"double\" \\ back"),
            new Cell("count", FieldKind.INTEGER, 42L),
            new Cell("big", FieldKind.BIG_INTEGER, Long.MAX_VALUE),
            new Cell("small", FieldKind.SMALL_INTEGER, -32768L),
            new Cell("positive", FieldKind.POSITIVE_INTEGER, 7L),
            new Cell("rating", FieldKind.INTEGER, 5L),
            new Cell("ratio", FieldKind.FLOAT, 0.1),
            new Cell("price", FieldKind.DECIMAL, new BigDecimal("1234567890.25")),
            new Cell("flag", FieldKind.BOOLEAN, true),
            new Cell("day", FieldKind.DATE, LocalDate.of(2024, 2, 29)),
            new Cell(
                "created_at", FieldKind.DATE_TIME, Instant.parse("2024-02-29T23:59:58.123456Z")),
            new Cell("at", FieldKind.TIME, LocalTime.of(23, 59, 59, 999_999_000)),
            new Cell("spent", FieldKind.DURATION, Duration.parse("P1DT2H3M4.000005S")),
            new Cell(
                "public_id",
                FieldKind.UUID,
                UUID.fromString("0189a3c4-1b2c-7d3e-8f40-123456789abc")),
            new Cell("data", FieldKind.JSON, JsonText.of(doc)),
            new Cell("blob", FieldKind.BINARY, new byte[] {0, 1, 2, (byte) 0xff}));
    List<Cell> second =
        List.of(
            new Cell("title", FieldKind.CHAR, "second"),
            new Cell("body", FieldKind.TEXT, ""),
            new Cell("count", FieldKind.INTEGER, (long) Integer.MIN_VALUE),
            new Cell("big", FieldKind.BIG_INTEGER, Long.MIN_VALUE),
            new Cell("small", FieldKind.SMALL_INTEGER, 32767L),
            new Cell("positive", FieldKind.POSITIVE_INTEGER, 0L),
            new Cell("rating", FieldKind.INTEGER, 0L),
            new Cell("ratio", FieldKind.FLOAT, -1.5e300),
            new Cell("price", FieldKind.DECIMAL, new BigDecimal("-0.01")),
            new Cell("flag", FieldKind.BOOLEAN, false),
            new Cell("day", FieldKind.DATE, LocalDate.of(1969, 12, 31)),
            new Cell("created_at", FieldKind.DATE_TIME, Instant.parse("1969-07-20T20:17:40Z")),
            new Cell("at", FieldKind.TIME, LocalTime.MIDNIGHT),
            new Cell("spent", FieldKind.DURATION, Duration.ofMillis(-1500)),
            new Cell("public_id", FieldKind.UUID, new UUID(0, 1)),
            new Cell("data", FieldKind.JSON, JsonText.of(List.of())),
            new Cell("blob", FieldKind.BINARY, new byte[0]));
    List<Cell> nulls = new ArrayList<>();
    nulls.add(new Cell("title", FieldKind.CHAR, "nulls"));
    for (Cell c : first.subList(1, first.size())) {
      nulls.add(new Cell(c.column(), c.kind(), null));
    }
    return List.of(first, second, nulls);
  }

  @DbTest
  void everyKindRoundTripsExactly(TestDatabase database) {
    // SQLite's NUMERIC affinity keeps the number, not the scale (as in Django).
    boolean decimalScaleKept = !database.vendor().equals("sqlite");
    for (List<Cell> row : rows()) {
      List<String> columns = new ArrayList<>(List.of("\"author_id\""));
      List<Object> values = new ArrayList<>(List.of(1L));
      for (Cell c : row) {
        columns.add(db.ops().quoteName(c.column()));
        values.add(c.value());
      }
      db.executeList(
          "INSERT INTO \"bt_item\" ("
              + String.join(", ", columns)
              + ") VALUES ("
              + "?, ".repeat(values.size() - 1)
              + "?)",
          values);
      for (Cell c : row) {
        Fragment select =
            Fragment.of(
                "SELECT "
                    + db.ops().quoteName(c.column())
                    + " FROM \"bt_item\" WHERE \"title\" = ?",
                row.get(0).value());
        Object back = db.column(select, c.kind()).get(0);
        assertSame(c, back, decimalScaleKept);
      }
    }
  }

  private static void assertSame(Cell c, Object back, boolean decimalScaleKept) {
    if (c.value() == null) {
      assertThat(back).as(c.column()).isNull();
    } else if (c.value() instanceof byte[] bytes) {
      assertThat((byte[]) back).as(c.column()).isEqualTo(bytes);
    } else if (c.value() instanceof JsonText json) {
      assertThat(((JsonText) back).parse()).as(c.column()).isEqualTo(json.parse());
    } else if (c.value() instanceof BigDecimal d && !decimalScaleKept) {
      assertThat((BigDecimal) back).as(c.column()).isEqualByComparingTo(d);
    } else {
      assertThat(back).as(c.column()).isEqualTo(c.value());
    }
  }

  @DbTest
  void rawCursorReadsDriverValuesAsNeutralTypes() {
    db.execute(
        "INSERT INTO \"bt_item\" (\"author_id\", \"title\", \"count\", \"ratio\", \"price\","
            + " \"created_at\", \"day\", \"flag\", \"blob\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        1L,
        "raw",
        3L,
        2.5,
        new BigDecimal("10.75"),
        Instant.parse("2020-01-02T03:04:05.000006Z"),
        LocalDate.of(2020, 1, 2),
        true,
        "é".getBytes(StandardCharsets.UTF_8));
    Object[] row =
        db.cursor(
                "SELECT \"count\", \"ratio\", \"price\", \"created_at\", \"day\", \"title\", \"flag\","
                    + " \"blob\" FROM \"bt_item\" WHERE \"title\" = %s",
                "raw")
            .get(0);
    assertThat(Arrays.asList(row).subList(0, 7))
        .containsExactly(
            3L,
            2.5,
            new BigDecimal("10.75"),
            Instant.parse("2020-01-02T03:04:05.000006Z"),
            LocalDate.of(2020, 1, 2),
            "raw",
            true);
    assertThat((byte[]) row[7]).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    assertThat(db.cursor("SELECT COUNT(*) FROM \"bt_item\" WHERE \"title\" = %s", "raw").get(0))
        .containsExactly(1L);
  }

  /**
   * PostgreSQL's {@code infinity} and {@code -infinity}, stored by other code: a date-time reads as
   * the instant of {@code OffsetDateTime.MAX} or {@code MIN} and a date as {@code LocalDate.MAX} or
   * {@code MIN} (pgjdbc's mapping), and they order as PostgreSQL orders them. Written back they are
   * years beyond PostgreSQL's range: a typed error, never a silently different value.
   */
  @DbTest
  void postgresqlInfinityReadsAsTheFarthestValues(TestDatabase database) {
    Assumptions.assumeTrue(database.vendor().equals("postgresql"), "infinity is PostgreSQL's");
    for (String[] row : new String[][] {{"up", "infinity"}, {"down", "-infinity"}}) {
      db.execute(
          "INSERT INTO \"bt_item\" (\"author_id\", \"title\", \"created_at\", \"day\")"
              + " VALUES (?, ?, '"
              + row[1]
              + "', '"
              + row[1]
              + "')",
          1L,
          row[0]);
    }
    BackendModels.Item up = ITEMS.get("title", "up");
    BackendModels.Item down = ITEMS.get("title", "down");
    assertThat(up.createdAt).isEqualTo(OffsetDateTime.MAX.toInstant());
    assertThat(up.day).isEqualTo(LocalDate.MAX);
    assertThat(down.createdAt).isEqualTo(OffsetDateTime.MIN.toInstant());
    assertThat(down.day).isEqualTo(LocalDate.MIN);
    Instant far = Instant.parse("9999-12-31T23:59:59Z");
    assertThat(ITEMS.filter("createdAt__gt", far).valuesList("title").flat().list())
        .containsExactly("up");
    assertThat(
            ITEMS
                .exclude("createdAt__isnull", true)
                .orderBy("createdAt")
                .valuesList("title")
                .flat()
                .list())
        .containsExactly("down", "up");
    up.title = "saved again";
    assertThatThrownBy(up::save)
        .isInstanceOf(ValidationError.class)
        .hasMessageContaining("out of range for a date-time");
    assertThatThrownBy(() -> ITEMS.filter("createdAt__lt", down.createdAt).count())
        .isInstanceOf(ValidationError.class);
    assertThat(ITEMS.filter("title", "up").count()).isEqualTo(1);
  }

  @DbTest
  void quoteValueWritesLiteralsTheDatabaseReadsBack(TestDatabase database) {
    // A comparison is a boolean on PostgreSQL, the integer 1 on SQLite and MariaDB.
    Object isTrue = database.vendor().equals("postgresql") ? (Object) true : (Object) 1L;
    List<Object> values =
        List.of(
            "it's",
            42L,
            new BigDecimal("1.50"),
            LocalDate.of(2024, 1, 2),
            Instant.parse("2024-01-02T03:04:05.5Z"),
            LocalTime.of(1, 2, 3),
            Duration.ofSeconds(90),
            new UUID(1, 2));
    for (Object v : values) {
      Object[] row = db.cursor("SELECT " + db.ops().quoteValue(v) + " = %s", v).get(0);
      assertThat(row[0]).as(v.toString()).isEqualTo(isTrue);
    }
  }
}
