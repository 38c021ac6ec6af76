package io.vibevault.orm.model;

import io.vibevault.orm.backend.JsonText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Builds, once per field, the function that turns a neutral value into the Java field's type. */
final class ValueConverters {
  /** The conversion of kinds read as they are (text, date-times): callers may skip the call. */
  static final Function<Object, Object> IDENTITY = v -> v;

  private ValueConverters() {}

  static Function<Object, Object> fromNeutral(Field field) {
    Class<?> type = field.javaType();
    FieldKind kind = field.kind();
    if (field.choices() != null) {
      Map<Object, Object> byValue = new HashMap<>();
      for (Choices c : field.choices().getEnumConstants()) {
        byValue.put(normaliseChoice(c.value()), c);
      }
      Class<?> enumType = field.choices();
      return v -> {
        Object choice = byValue.get(normaliseChoice(v));
        if (choice != null) {
          return choice;
        }
        if ("".equals(v)) {
          // Django's implicit empty default for a text field: "no choice made".
          return null;
        }
        throw new io.vibevault.orm.exception.ValidationError(
            field.name(),
            "Stored value "
                + io.vibevault.orm.exception.FieldError.quote(String.valueOf(v))
                + " of "
                + field
                + " is not one of "
                + enumType.getSimpleName()
                + "'s values");
      };
    }
    if (kind == FieldKind.JSON) {
      return v -> v instanceof JsonText j ? j.parse() : v;
    }
    if (kind.isInteger()) {
      if (type == int.class || type == Integer.class) {
        return v -> ((Number) v).intValue();
      }
      if (type == short.class || type == Short.class) {
        return v -> ((Number) v).shortValue();
      }
      if (type == long.class || type == Long.class || type == Object.class) {
        return v -> ((Number) v).longValue();
      }
    }
    if (kind == FieldKind.FLOAT && (type == float.class || type == Float.class)) {
      return v -> ((Number) v).floatValue();
    }
    if (kind == FieldKind.DECIMAL && type == BigDecimal.class) {
      int places = field.decimalPlaces();
      // Backends that store decimals as numbers drop trailing zeros; the field's scale restores
      // them.
      return v -> {
        BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        return places > 0 && d.scale() < places ? d.setScale(places) : d;
      };
    }
    if (kind == FieldKind.DATE_TIME && type == OffsetDateTime.class) {
      return v -> ((Instant) v).atOffset(ZoneOffset.UTC);
    }
    return IDENTITY;
  }

  private static Object normaliseChoice(Object value) {
    return value instanceof Number n ? (Object) n.longValue() : value;
  }
}
