package io.vibevault.orm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.DecimalField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.SmallIntegerField;
import io.vibevault.orm.model.fields.TextField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link Field#fromNeutral} makes of the values a backend reads, field type by field type. */
class ValueConverterTest {
  enum Mood implements Choices {
    CALM("calm"),
    GLAD("glad"),
    SAD("sad");

    private final String value;

    Mood(String value) {
      this.value = value;
    }

    @Override
    public Object value() {
      return value;
    }

    @Override
    public String label() {
      return name();
    }
  }

  enum Level implements Choices {
    LOW(1),
    HIGH(10);

    private final int value;

    Level(int value) {
      this.value = value;
    }

    @Override
    public Object value() {
      return value;
    }

    @Override
    public String label() {
      return name();
    }
  }

  /** More values than are searched in order: looked up in a map instead. */
  enum Letter implements Choices {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T;

    @Override
    public Object value() {
      return name().toLowerCase();
    }

    @Override
    public String label() {
      return name();
    }
  }

  @io.vibevault.orm.model.fields.Meta(appLabel = "converters")
  public static class Sample extends Model {
    @CharField(maxLength = 10, nullable = true)
    public Mood mood;

    @IntegerField(nullable = true)
    public Level level;

    @CharField(maxLength = 1, nullable = true)
    public Letter letter;

    @IntegerField public int count;

    @SmallIntegerField public short small;

    @IntegerField public long big;

    @FloatField public float ratio;

    @DecimalField(maxDigits = 8, decimalPlaces = 2)
    public BigDecimal price;

    @DateTimeField public OffsetDateTime at;

    @DateTimeField public Instant seen;

    @JSONField public Object data;

    @TextField public String body;
  }

  private static Object read(String field, Object neutral) {
    return ModelMeta.of(Sample.class).field(field).fromNeutral(neutral);
  }

  @Test
  void choicesAreTheirConstantsWhateverTheSizeOfTheSet() {
    assertThat(read("mood", "glad")).isSameAs(Mood.GLAD);
    // A fresh string, as a driver returns it, not the constant's own.
    assertThat(read("mood", new String("sad"))).isSameAs(Mood.SAD);
    assertThat(read("level", 10L)).isSameAs(Level.HIGH);
    assertThat(read("level", 1)).isSameAs(Level.LOW);
    assertThat(read("level", new BigDecimal("10"))).isSameAs(Level.HIGH);
    for (Letter letter : Letter.values()) {
      assertThat(read("letter", letter.name().toLowerCase())).isSameAs(letter);
    }
  }

  @Test
  void anEmptyStoredChoiceIsNoChoiceAndAnUnknownOneIsAnError() {
    assertThat(read("mood", "")).isNull();
    assertThat(read("letter", "")).isNull();
    assertThat(read("mood", null)).isNull();
    assertThatThrownBy(() -> read("mood", "angry"))
        .isInstanceOf(ValidationError.class)
        .hasMessageContaining("'angry'")
        .hasMessageContaining("is not one of Mood's values");
    assertThatThrownBy(() -> read("letter", "z"))
        .isInstanceOf(ValidationError.class)
        .hasMessageContaining("is not one of Letter's values");
    assertThatThrownBy(() -> read("level", 5L))
        .isInstanceOf(ValidationError.class)
        .hasMessageContaining("is not one of Level's values");
  }

  @Test
  void numbersTakeTheFieldsJavaType() {
    assertThat(read("count", 7L)).isEqualTo(7);
    assertThat(read("small", 7L)).isEqualTo((short) 7);
    Long big = 1L << 40;
    assertThat(read("big", big)).isSameAs(big);
    assertThat(read("big", 7)).isEqualTo(7L);
    assertThat(read("ratio", 0.5d)).isEqualTo(0.5f);
  }

  @Test
  void decimalsGetTheFieldsScaleBack() {
    assertThat(read("price", new BigDecimal("3.5"))).isEqualTo(new BigDecimal("3.50"));
    assertThat(read("price", 3L)).isEqualTo(new BigDecimal("3.00"));
    assertThat(read("price", new BigDecimal("3.125"))).isEqualTo(new BigDecimal("3.125"));
  }

  @Test
  void dateTimesJsonAndTextPassAsTheFieldWantsThem() {
    Instant t = Instant.parse("2026-11-25T06:00:00Z");
    assertThat(read("at", t))
        .isEqualTo(OffsetDateTime.of(2026, 11, 25, 6, 0, 0, 0, ZoneOffset.UTC));
    assertThat(read("seen", t)).isSameAs(t);
    assertThat(read("data", new JsonText("{\"a\": [1, 2]}")))
        .isEqualTo(Map.of("a", java.util.List.of(1, 2)));
    assertThat(read("data", "already decoded")).isEqualTo("already decoded");
    String body = "words";
    assertThat(read("body", body)).isSameAs(body);
  }
}
