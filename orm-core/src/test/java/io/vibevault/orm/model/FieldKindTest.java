package io.vibevault.orm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.ValidationError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What {@link FieldKind#toNeutral} accepts and refuses, where no database is needed to tell. */
class FieldKindTest {

  @Test
  void aDateTimeMustHaveAUtcWallClockTime() {
    Instant last = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);
    Instant first = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);
    assertThat(FieldKind.DATE_TIME.toNeutral(last, "at")).isEqualTo(last);
    assertThat(FieldKind.DATE_TIME.toNeutral(first, "at")).isEqualTo(first);
    // PostgreSQL's infinity and -infinity read back as these (pgjdbc's mapping).
    for (Object beyond :
        new Object[] {
          last.plusNanos(1),
          first.minusNanos(1),
          Instant.MAX,
          Instant.MIN,
          OffsetDateTime.MAX,
          OffsetDateTime.MIN,
          OffsetDateTime.MAX.toZonedDateTime()
        }) {
      assertThatThrownBy(() -> FieldKind.DATE_TIME.toNeutral(beyond, "at"))
          .as("%s", beyond)
          .isInstanceOf(ValidationError.class)
          .hasMessageContaining("field 'at' value")
          .hasMessageContaining("out of range for a date-time");
    }
  }
}
