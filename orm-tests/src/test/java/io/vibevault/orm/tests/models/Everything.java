package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BigIntegerField;
import io.vibevault.orm.model.fields.BinaryField;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.DecimalField;
import io.vibevault.orm.model.fields.DurationField;
import io.vibevault.orm.model.fields.EmailField;
import io.vibevault.orm.model.fields.FileField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.JSONField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.PositiveIntegerField;
import io.vibevault.orm.model.fields.SlugField;
import io.vibevault.orm.model.fields.SmallIntegerField;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.model.fields.TimeField;
import io.vibevault.orm.model.fields.URLField;
import io.vibevault.orm.model.fields.UUIDField;
import io.vibevault.orm.query.Manager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/** One field of every kind, each nullable so that NULL round-trips too. */
@Meta(appLabel = "models")
public class Everything extends Model {
  public static final Manager<Everything> objects = Manager.of(Everything.class);

  @CharField(maxLength = 100, nullable = true)
  public String charValue;

  @TextField(nullable = true)
  public String textValue;

  @IntegerField(nullable = true)
  public Integer intValue;

  @BigIntegerField(nullable = true)
  public Long bigValue;

  @SmallIntegerField(nullable = true)
  public Short smallValue;

  @PositiveIntegerField(nullable = true)
  public Integer positiveValue;

  @FloatField(nullable = true)
  public Double floatValue;

  @DecimalField(maxDigits = 12, decimalPlaces = 4, nullable = true)
  public BigDecimal decimalValue;

  @BooleanField(nullable = true)
  public Boolean boolValue;

  @DateField(nullable = true)
  public LocalDate dateValue;

  @DateTimeField(nullable = true)
  public Instant dateTimeValue;

  @TimeField(nullable = true)
  public LocalTime timeValue;

  @DurationField(nullable = true)
  public Duration durationValue;

  @UUIDField(nullable = true)
  public UUID uuidValue;

  @EmailField(nullable = true)
  public String emailValue;

  @URLField(nullable = true)
  public String urlValue;

  @SlugField(nullable = true)
  public String slugValue;

  @JSONField(nullable = true)
  public Map<String, Object> jsonValue;

  @BinaryField(nullable = true)
  public byte[] binaryValue;

  @FileField(uploadTo = "uploads/%Y/%m/%d/", nullable = true)
  public String fileValue;
}
