package io.vibevault.orm.tests.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every field kind stores and loads its values exactly, NULL included; limits hold in Java. */
@DatabaseTest(models = {Everything.class, AutoPk.class, BigPk.class})
class FieldsTest {

  private static Map<String, Object> json() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("label", "positive");
    inner.put("score", 0.875); // a JSON float comes back a Double, as Django's json gives a float
    inner.put("nothing", null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sentiment", inner);
    m.put("words", 60);
    m.put("big", 1_099_511_627_776L);
    m.put("topics", List.of("beach", "sun", List.of(1, 2)));
    m.put("flag", true);
    m.put("ünïcode 🧠", "ÄRGER \"quoted\" \\ back");
    m.put("empty", Map.of());
    return m;
  }

  private static Everything full() {
    Everything e = new Everything();
    e.charValue = "Quote ' \" back\\slash 🧠 ünïcode %_";
    e.textValue = "line1\nline2\t" + "x".repeat(20_000) + " 🧠";
    e.intValue = Integer.MIN_VALUE;
    e.bigValue = Long.MAX_VALUE;
    e.smallValue = Short.MIN_VALUE;
    e.positiveValue = Integer.MAX_VALUE;
    e.floatValue = 0.1 + 0.2;
    e.decimalValue = new BigDecimal("12345678.1234");
    e.boolValue = false;
    e.dateValue = LocalDate.of(1969, 12, 31);
    e.dateTimeValue = Instant.parse("2024-02-29T23:59:59.123456Z");
    e.timeValue = LocalTime.of(23, 59, 59, 999_999_000);
    e.durationValue = Duration.ofDays(3).plusHours(4).plusSeconds(5).plusNanos(6_000);
    e.uuidValue = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    e.emailValue = "ada.lovelace+vault@example.co.uk";
    e.urlValue = "https://example.com/a/b?c=d&e=%20f#frag";
    e.slugValue = "my-slug_1";
    e.jsonValue = json();
    byte[] bytes = new byte[256];
    for (int i = 0; i < 256; i++) {
      bytes[i] = (byte) i;
    }
    e.binaryValue = bytes;
    e.fileValue = "uploads/2024/07/04/photo 1.jpg";
    return e;
  }

  private static void assertSameValues(Everything expected, Everything actual) {
    assertThat(actual.charValue).isEqualTo(expected.charValue);
    assertThat(actual.textValue).isEqualTo(expected.textValue);
    assertThat(actual.intValue).isEqualTo(expected.intValue);
    assertThat(actual.bigValue).isEqualTo(expected.bigValue);
    assertThat(actual.smallValue).isEqualTo(expected.smallValue);
    assertThat(actual.positiveValue).isEqualTo(expected.positiveValue);
    assertThat(actual.floatValue).isEqualTo(expected.floatValue);
    if (expected.decimalValue == null) {
      assertThat(actual.decimalValue).isNull();
    } else {
      assertThat(actual.decimalValue).isEqualByComparingTo(expected.decimalValue);
    }
    assertThat(actual.boolValue).isEqualTo(expected.boolValue);
    assertThat(actual.dateValue).isEqualTo(expected.dateValue);
    assertThat(actual.dateTimeValue).isEqualTo(expected.dateTimeValue);
    assertThat(actual.timeValue).isEqualTo(expected.timeValue);
    assertThat(actual.durationValue).isEqualTo(expected.durationValue);
    assertThat(actual.uuidValue).isEqualTo(expected.uuidValue);
    assertThat(actual.emailValue).isEqualTo(expected.emailValue);
    assertThat(actual.urlValue).isEqualTo(expected.urlValue);
    assertThat(actual.slugValue).isEqualTo(expected.slugValue);
    assertThat(actual.jsonValue).isEqualTo(expected.jsonValue);
    assertThat(actual.binaryValue).isEqualTo(expected.binaryValue);
    assertThat(actual.fileValue).isEqualTo(expected.fileValue);
  }

  @DbTest
  void everyKindRoundTripsExactly() {
    Everything e = full();
    e.save();
    assertSameValues(full(), Everything.objects.get("pk", e.id));
  }

  @DbTest
  void theOtherEndsOfTheRanges() {
    Everything e = full();
    e.intValue = Integer.MAX_VALUE;
    e.bigValue = Long.MIN_VALUE;
    e.smallValue = Short.MAX_VALUE;
    e.positiveValue = 0;
    e.floatValue = -1.5e300;
    e.decimalValue = new BigDecimal("-99999999.9999");
    e.boolValue = true;
    e.dateValue = LocalDate.of(2999, 12, 31);
    e.dateTimeValue = Instant.parse("1970-01-01T00:00:00Z");
    e.timeValue = LocalTime.MIDNIGHT;
    e.durationValue = Duration.ofSeconds(-90).plusNanos(1_000);
    e.jsonValue = Map.of();
    e.binaryValue = new byte[0];
    e.charValue = "";
    e.save();
    Everything back = Everything.objects.get("pk", e.id);
    assertSameValues(e, back);
    assertThat(back.decimalValue.scale()).as("decimal places kept").isEqualTo(4);
  }

  @DbTest
  void nullRoundTripsForEveryKind() {
    Everything e = new Everything();
    e.save();
    Everything back = Everything.objects.get("pk", e.id);
    assertSameValues(new Everything(), back);
    for (Field f : ModelMeta.of(Everything.class).concreteFields()) {
      if (!f.isPrimaryKey()) {
        assertThat(f.get(back)).as(f.name()).isNull();
        assertThat(Everything.objects.filter(f.name() + "__isnull", true).count())
            .as(f.name())
            .isEqualTo(1);
      }
    }
  }

  @DbTest
  void valuesCanBeFoundByEquality() {
    Everything e = full();
    e.save();
    Everything other = new Everything();
    other.save();
    for (String name :
        List.of(
            "charValue",
            "intValue",
            "bigValue",
            "smallValue",
            "positiveValue",
            "floatValue",
            "decimalValue",
            "boolValue",
            "dateValue",
            "dateTimeValue",
            "timeValue",
            "durationValue",
            "uuidValue",
            "emailValue",
            "urlValue",
            "slugValue",
            "fileValue")) {
      Object value = ModelMeta.of(Everything.class).field(name).get(full());
      assertThat(Everything.objects.filter(name, value).valuesList("id").flat().list())
          .as(name)
          .containsExactly(e.id);
    }
  }

  @DbTest
  void dateTimesKeepMicrosecondsAndDropNanoseconds() {
    Everything e = new Everything();
    e.dateTimeValue = Instant.parse("2024-07-04T09:30:15.123456789Z");
    e.timeValue = LocalTime.of(9, 30, 15, 123_456_789);
    e.save();
    Everything back = Everything.objects.get("pk", e.id);
    assertThat(back.dateTimeValue).isEqualTo(Instant.parse("2024-07-04T09:30:15.123456Z"));
    assertThat(back.timeValue).isEqualTo(LocalTime.of(9, 30, 15, 123_456_000));
  }

  @DbTest
  void charFieldMaxLengthIsCheckedInJavaBeforeSql() {
    Everything ok = new Everything();
    ok.charValue = "🧠".repeat(100);
    ok.save();
    assertThat(Everything.objects.get("pk", ok.id).charValue)
        .as("100 characters, 200 UTF-16 units")
        .isEqualTo("🧠".repeat(100));
    Everything tooLong = new Everything();
    tooLong.charValue = "x".repeat(101);
    var ran =
        Database.captureQueries(
            () ->
                assertThatThrownBy(tooLong::save)
                    .isInstanceOf(ValidationError.class)
                    .hasMessageContaining("100")
                    .satisfies(
                        t -> assertThat(((ValidationError) t).errors()).containsKey("charValue")));
    assertThat(ran).isEmpty();
    assertThat(tooLong.id).isNull();
    Everything file = new Everything();
    file.fileValue = "f".repeat(101);
    assertThatThrownBy(file::save)
        .as("FileField maxLength 100")
        .isInstanceOf(ValidationError.class);
  }

  @DbTest
  void outOfRangeNumbersAreRefusedBeforeSql() {
    var ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> Everything.objects.create("smallValue", 40_000))
                  .isInstanceOf(ValidationError.class);
              assertThatThrownBy(() -> Everything.objects.create("intValue", 1L << 40))
                  .isInstanceOf(ValidationError.class);
              assertThatThrownBy(() -> Everything.objects.create("uuidValue", "not-a-uuid"))
                  .isInstanceOf(ValidationError.class);
              assertThatThrownBy(() -> Everything.objects.create("charValue", "nul\0char"))
                  .isInstanceOf(ValidationError.class);
            });
    assertThat(ran).isEmpty();
  }

  @DbTest
  void storageKindsFollowTheAnnotations(TestDatabase db) {
    ModelMeta meta = ModelMeta.of(Everything.class);
    List<FieldKind> kinds = new ArrayList<>();
    for (Field f : meta.concreteFields()) {
      kinds.add(f.kind());
    }
    assertThat(kinds)
        .containsExactly(
            FieldKind.BIG_AUTO,
            FieldKind.CHAR,
            FieldKind.TEXT,
            FieldKind.INTEGER,
            FieldKind.BIG_INTEGER,
            FieldKind.SMALL_INTEGER,
            FieldKind.POSITIVE_INTEGER,
            FieldKind.FLOAT,
            FieldKind.DECIMAL,
            FieldKind.BOOLEAN,
            FieldKind.DATE,
            FieldKind.DATE_TIME,
            FieldKind.TIME,
            FieldKind.DURATION,
            FieldKind.UUID,
            FieldKind.EMAIL,
            FieldKind.URL,
            FieldKind.SLUG,
            FieldKind.JSON,
            FieldKind.BINARY,
            FieldKind.FILE);
    assertThat(meta.field("fileValue").uploadTo()).isEqualTo("uploads/%Y/%m/%d/");
    assertThat(meta.field("fileValue").maxLength()).isEqualTo(100);
    assertThat(meta.field("decimalValue").maxDigits()).isEqualTo(12);
    assertThat(meta.field("decimalValue").decimalPlaces()).isEqualTo(4);
    assertThat(meta.field("slugValue").isDbIndex()).as("slugs are indexed by default").isTrue();
    assertThat(Catalog.hasIndexOn(db.vendor(), "models_everything", "slug_value"))
        .as("the slug index exists: %s", Catalog.indexes(db.vendor(), "models_everything"))
        .isTrue();
  }

  @DbTest
  void explicitAutoPrimaryKeys() {
    AutoPk a = AutoPk.objects.create("label", "a");
    AutoPk b = AutoPk.objects.create("label", "b");
    assertThat(a.number).isNotNull();
    assertThat(b.number).isGreaterThan(a.number);
    assertThat(a.pk()).isEqualTo(a.number);
    assertThat(a.id).as("the implicit id is unused").isNull();
    assertThat(AutoPk.objects.get("pk", b.number).label).isEqualTo("b");
    assertThat(ModelMeta.of(AutoPk.class).pk().kind()).isEqualTo(FieldKind.AUTO);
    assertThat(ModelMeta.of(AutoPk.class).fields()).extracting(Field::name).doesNotContain("id");

    BigPk big = BigPk.objects.create("label", "x");
    assertThat(big.code).isNotNull();
    assertThat(BigPk.objects.get("code", big.code).label).isEqualTo("x");
    try (Cursor c = Database.connection().cursor()) {
      c.execute("SELECT big_code FROM models_bigpk");
      assertThat(((Number) c.fetchOne()[0]).longValue()).isEqualTo(big.code);
    }
    BigPk chosen = new BigPk();
    chosen.code = 5_000_000_000L;
    chosen.label = "chosen";
    chosen.save();
    assertThat(BigPk.objects.get("pk", 5_000_000_000L).label).isEqualTo("chosen");
    assertThat(Arrays.asList(BigPk.objects.valuesList("code").flat().list().toArray()))
        .contains(5_000_000_000L);
  }
}
