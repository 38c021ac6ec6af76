package io.vibevault.orm.model;

import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.ValidationError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a neutral value (what a backend reads) into the Java field's type; made once per field.
 *
 * <p>One final class with a switch on the conversion, rather than a lambda per kind: every row
 * converts each of its columns, and a call through a {@code Function} whose receivers are a dozen
 * lambda classes is a megamorphic interface call the JIT cannot inline (1% of a 10,000-row query's
 * CPU in the profile). Here the call is monomorphic and the switch a jump.
 */
final class ValueConverter {
  /** Choice sets up to this size are searched in order: cheaper than hashing a fresh string. */
  private static final int SCANNED_CHOICES = 16;

  private enum Conversion {
    IDENTITY,
    CHOICE,
    JSON,
    INT,
    SHORT,
    LONG,
    FLOAT,
    DECIMAL,
    OFFSET_DATE_TIME
  }

  private final Conversion conversion;
  private final Field field;
  private final int decimalPlaces;
  private final Object[] choiceValues;
  private final Object[] choices;
  private final Map<Object, Object> choiceByValue;

  private ValueConverter(Conversion conversion, Field field) {
    this.conversion = conversion;
    this.field = field;
    this.decimalPlaces = conversion == Conversion.DECIMAL ? field.decimalPlaces() : 0;
    if (conversion == Conversion.CHOICE) {
      Choices[] constants = field.choices().getEnumConstants();
      choiceValues = new Object[constants.length];
      choices = constants.clone();
      for (int i = 0; i < constants.length; i++) {
        choiceValues[i] = normaliseChoice(constants[i].value());
      }
      if (constants.length > SCANNED_CHOICES) {
        choiceByValue = new HashMap<>();
        for (int i = 0; i < constants.length; i++) {
          choiceByValue.put(choiceValues[i], constants[i]);
        }
      } else {
        choiceByValue = null;
      }
    } else {
      choiceValues = null;
      choices = null;
      choiceByValue = null;
    }
  }

  /** The converter of {@code field}'s column values (a field without a relation). */
  static ValueConverter of(Field field) {
    return new ValueConverter(conversionOf(field), field);
  }

  private static Conversion conversionOf(Field field) {
    Class<?> type = field.javaType();
    FieldKind kind = field.kind();
    if (field.choices() != null) {
      return Conversion.CHOICE;
    }
    if (kind == FieldKind.JSON) {
      return Conversion.JSON;
    }
    if (kind.isInteger()) {
      if (type == int.class || type == Integer.class) {
        return Conversion.INT;
      }
      if (type == short.class || type == Short.class) {
        return Conversion.SHORT;
      }
      if (type == long.class || type == Long.class || type == Object.class) {
        return Conversion.LONG;
      }
    }
    if (kind == FieldKind.FLOAT && (type == float.class || type == Float.class)) {
      return Conversion.FLOAT;
    }
    if (kind == FieldKind.DECIMAL && type == BigDecimal.class) {
      return Conversion.DECIMAL;
    }
    if (kind == FieldKind.DATE_TIME && type == OffsetDateTime.class) {
      return Conversion.OFFSET_DATE_TIME;
    }
    return Conversion.IDENTITY;
  }

  /** The field's value for the non-null neutral value {@code v}. */
  Object apply(Object v) {
    return switch (conversion) {
      case IDENTITY -> v;
      case CHOICE -> choice(v);
      case JSON -> v instanceof JsonText j ? j.parse() : v;
      case INT -> ((Number) v).intValue();
      case SHORT -> ((Number) v).shortValue();
      case LONG -> v instanceof Long ? v : (Object) ((Number) v).longValue();
      case FLOAT -> ((Number) v).floatValue();
      case DECIMAL -> decimal(v);
      case OFFSET_DATE_TIME -> ((Instant) v).atOffset(ZoneOffset.UTC);
    };
  }

  private Object choice(Object v) {
    Object key = normaliseChoice(v);
    if (choiceByValue != null) {
      Object choice = choiceByValue.get(key);
      if (choice != null) {
        return choice;
      }
    } else {
      for (int i = 0; i < choiceValues.length; i++) {
        if (choiceValues[i].equals(key)) {
          return choices[i];
        }
      }
    }
    if ("".equals(v)) {
      // Django's implicit empty default for a text field: "no choice made".
      return null;
    }
    throw new ValidationError(
        field.name(),
        "Stored value "
            + FieldError.quote(String.valueOf(v))
            + " of "
            + field
            + " is not one of "
            + field.choices().getSimpleName()
            + "'s values");
  }

  private Object decimal(Object v) {
    // Backends that store decimals as numbers drop trailing zeros; the field's scale restores them.
    BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    return decimalPlaces > 0 && d.scale() < decimalPlaces ? d.setScale(decimalPlaces) : d;
  }

  private static Object normaliseChoice(Object value) {
    return value instanceof Number n ? (Object) n.longValue() : value;
  }
}
