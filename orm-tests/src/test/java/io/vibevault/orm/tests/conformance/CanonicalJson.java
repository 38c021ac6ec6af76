package io.vibevault.orm.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.OrmException;
import io.vibevault.orm.model.Choices;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The conformance suite's canonical values (README "Canonical values"): turns what a case returns
 * into JSON, and compares it with Django's expected JSON.
 *
 * <ul>
 *   <li>Model instances become {@code {"_model": ..., <column attnames in snake_case>,
 *       <annotations>, "_deferred": [...]}}.
 *   <li>Rows of an ORM QuerySet that are maps ({@code values()}) get their keys in Django form
 *       ({@code userId} becomes {@code user_id}); maps a case builds itself keep their keys.
 *   <li>Records ({@code GetOrCreateResult}, {@code DeleteResult}) become arrays of their
 *       components, as Django's tuples do.
 *   <li>Decimals are compared as numbers, floats with a relative tolerance of 1e-9.
 * </ul>
 */
public final class CanonicalJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final double TOLERANCE = 1e-9;

  private CanonicalJson() {}

  // ------------------------------------------------------------------ encoding

  /** The canonical JSON of a case's value; lazy QuerySets are evaluated here. */
  public static JsonNode encode(Object value) {
    return encode(value, false);
  }

  /** The canonical form of an exception a case raised, or null when it is not a Django error. */
  public static JsonNode encodeException(Throwable t) {
    String name = exceptionName(t);
    if (name == null) {
      return null;
    }
    ObjectNode node = NODES.objectNode();
    node.put("exception", name);
    return node;
  }

  /** Django's class name for one of our exceptions, or null for a non-ORM failure. */
  public static String exceptionName(Throwable t) {
    if (t instanceof ObjectDoesNotExist e) {
      return modelName(e.model()) + ".DoesNotExist";
    }
    if (t instanceof MultipleObjectsReturned e) {
      return modelName(e.model()) + ".MultipleObjectsReturned";
    }
    if (t instanceof IndexOutOfBoundsException) {
      return "IndexError";
    }
    if (t instanceof OrmException) {
      // IntegrityError, FieldError, ValidationError, TransactionManagementError, ...
      return t.getClass().getSimpleName();
    }
    return null;
  }

  private static String modelName(Class<?> model) {
    return model == null ? "Model" : model.getSimpleName();
  }

  private static JsonNode encode(Object value, boolean json) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode n) {
      return n;
    }
    if (value instanceof Throwable t) {
      JsonNode e = encodeException(t);
      if (e == null) {
        throw new IllegalArgumentException("Not a Django exception: " + t, t);
      }
      return e;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Character c) {
      return NODES.textNode(c.toString());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Byte b) {
      return NODES.numberNode(b.longValue());
    }
    if (value instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(round12(((Number) value).doubleValue()));
    }
    if (value instanceof BigDecimal d) {
      // JSON documents parsed with BigDecimal floats hold floats; a DecimalField holds a decimal.
      return json ? NODES.numberNode(round12(d.doubleValue())) : decimal(d);
    }
    if (value instanceof Instant i) {
      return NODES.textNode(isoInstant(i));
    }
    if (value instanceof OffsetDateTime o) {
      return NODES.textNode(isoInstant(o.toInstant()));
    }
    if (value instanceof ZonedDateTime z) {
      return NODES.textNode(isoInstant(z.toInstant()));
    }
    if (value instanceof LocalDateTime l) {
      return NODES.textNode(isoInstant(l.toInstant(ZoneOffset.UTC)));
    }
    if (value instanceof java.sql.Timestamp t) {
      return NODES.textNode(isoInstant(t.toInstant()));
    }
    if (value instanceof LocalDate d) {
      return NODES.textNode(d.toString());
    }
    if (value instanceof java.sql.Date d) {
      return NODES.textNode(d.toLocalDate().toString());
    }
    if (value instanceof LocalTime t) {
      return NODES.textNode(t.toString());
    }
    if (value instanceof Duration d) {
      return NODES.numberNode(round12(d.getSeconds() + d.getNano() / 1e9));
    }
    if (value instanceof java.util.UUID u) {
      return NODES.textNode(u.toString());
    }
    if (value instanceof JsonText j) {
      return encode(j.parse(), true);
    }
    if (value instanceof Choices c) {
      return encode(c.value(), json);
    }
    if (value instanceof Enum<?> e) {
      return NODES.textNode(e.name());
    }
    if (value instanceof Optional<?> o) {
      return o.isPresent() ? encode(o.get(), json) : NODES.nullNode();
    }
    if (value instanceof Model m) {
      return encodeModel(m);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        node.set(String.valueOf(e.getKey()), encode(e.getValue(), json));
      }
      return node;
    }
    if (value instanceof Object[] array) {
      ArrayNode node = NODES.arrayNode();
      for (Object o : array) {
        node.add(encode(o, json));
      }
      return node;
    }
    if (value instanceof Record r) {
      ArrayNode node = NODES.arrayNode();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          node.add(encode(c.getAccessor().invoke(r), json));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return node;
    }
    if (value instanceof Iterable<?> it) {
      // A java.util collection is a list the case built; anything else is a lazy ORM queryset,
      // whose map rows (values()) are keyed by Java attnames.
      boolean ormRows = !(value instanceof Collection<?>);
      ArrayNode node = NODES.arrayNode();
      Iterator<?> iterator = it.iterator();
      try {
        while (iterator.hasNext()) {
          Object row = iterator.next();
          node.add(ormRows && row instanceof Map<?, ?> m ? encodeRow(m) : encode(row, json));
        }
      } finally {
        if (iterator instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception ignored) {
            // Closing a finished iterator.
          }
        }
      }
      return node;
    }
    if (value instanceof int[] ints) {
      ArrayNode node = NODES.arrayNode();
      for (int i : ints) {
        node.add(i);
      }
      return node;
    }
    if (value instanceof long[] longs) {
      ArrayNode node = NODES.arrayNode();
      for (long l : longs) {
        node.add(l);
      }
      return node;
    }
    throw new IllegalArgumentException(
        "No canonical form for " + value.getClass().getName() + ": " + value);
  }

  /** A {@code values()} row: keys in Django form, values (JSON documents included) as stored. */
  public static ObjectNode encodeRow(Map<?, ?> row) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<?, ?> e : row.entrySet()) {
      node.set(djangoName(String.valueOf(e.getKey())), encode(e.getValue(), true));
    }
    return node;
  }

  /** A model instance: every loaded column by Django attname, annotations, deferred names. */
  public static ObjectNode encodeModel(Model m) {
    ModelMeta meta = m.meta();
    ObjectNode node = NODES.objectNode();
    node.put("_model", meta.modelName());
    TreeSet<String> deferred = new TreeSet<>();
    for (Field f : meta.concreteFields()) {
      String name = djangoName(f.attname());
      if (m.deferredFields().contains(f.attname()) || m.deferredFields().contains(f.name())) {
        deferred.add(name);
        continue;
      }
      Object v = f.get(m);
      node.set(name, encode(v, f.kind() == FieldKind.JSON));
    }
    for (Map.Entry<String, Object> a : m.annotations().entrySet()) {
      node.set(a.getKey(), encode(a.getValue(), false));
    }
    if (!deferred.isEmpty()) {
      ArrayNode d = node.putArray("_deferred");
      deferred.forEach(d::add);
    }
    return node;
  }

  /**
   * {@code userId} → {@code user_id}, {@code metricsJson__sentiment} → {@code metrics_json__...}.
   */
  public static String djangoName(String javaName) {
    return Names.snakeCase(javaName);
  }

  /** A decimal, kept apart from floats: compare() accepts Django's decimal string for it. */
  static ObjectNode decimal(BigDecimal d) {
    ObjectNode node = NODES.objectNode();
    node.put(DECIMAL_KEY, canonicalDecimal(d));
    return node;
  }

  /** The marker key of an encoded decimal; {@link #toReport} turns it back into its string. */
  static final String DECIMAL_KEY = "$decimal";

  /** Django's decimal text: plain notation, trailing zeros removed, zero as "0". */
  public static String canonicalDecimal(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /** Rounds to 12 significant digits, as the expected files do. */
  static double round12(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(12)).doubleValue();
  }

  /** ISO-8601 UTC with Z, fractional seconds (microseconds, as Python) only when non-zero. */
  public static String isoInstant(Instant i) {
    java.time.LocalDateTime t = java.time.LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    String base =
        String.format(
            "%04d-%02d-%02dT%02d:%02d:%02d",
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond());
    int nanos = t.getNano();
    if (nanos == 0) {
      return base + "Z";
    }
    if (nanos % 1000 == 0) {
      return base + String.format(".%06d", nanos / 1000) + "Z";
    }
    return base + String.format(".%09d", nanos) + "Z";
  }

  /** The JSON written to reports: decimals shown as Django's strings. */
  public static JsonNode toReport(JsonNode node) {
    if (isDecimal(node)) {
      return node.get(DECIMAL_KEY);
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(n -> out.add(toReport(n)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.properties().forEach(e -> out.set(e.getKey(), toReport(e.getValue())));
      return out;
    }
    return node;
  }

  private static boolean isDecimal(JsonNode node) {
    return node != null && node.isObject() && node.size() == 1 && node.has(DECIMAL_KEY);
  }

  // ------------------------------------------------------------------ comparison

  /**
   * Compares an actual canonical value with Django's. Returns null when they match, else a short
   * description of the first difference (with its path).
   */
  public static String compare(JsonNode expected, JsonNode actual, boolean ordered) {
    if (!ordered && expected.isArray() && actual.isArray()) {
      return diff("$", sortRows(expected), sortRows(toReport(actual)));
    }
    return diff("$", expected, actual);
  }

  /** Canonical order of an unordered queryset's rows (README): by id, numerically, else JSON. */
  static ArrayNode sortRows(JsonNode rows) {
    List<JsonNode> list = new ArrayList<>();
    rows.forEach(list::add);
    boolean allIds =
        list.stream().allMatch(n -> n.isObject() && n.has("id") && n.get("id").isNumber());
    boolean allNumbers = list.stream().allMatch(JsonNode::isNumber);
    Comparator<JsonNode> order;
    if (allIds) {
      order = Comparator.comparingDouble(n -> n.get("id").asDouble());
    } else if (allNumbers) {
      order = Comparator.comparingDouble(JsonNode::asDouble);
    } else {
      order = Comparator.comparing(CanonicalJson::sortedText);
    }
    list.sort(order);
    ArrayNode out = NODES.arrayNode();
    list.forEach(out::add);
    return out;
  }

  /** JSON text with object keys sorted, as Python's json.dumps(sort_keys=True) orders them. */
  static String sortedText(JsonNode node) {
    if (node.isObject()) {
      StringBuilder b = new StringBuilder("{");
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(Comparator.naturalOrder());
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        b.append(NODES.textNode(keys.get(i)).toString())
            .append(": ")
            .append(sortedText(node.get(keys.get(i))));
      }
      return b.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        b.append(sortedText(node.get(i)));
      }
      return b.append(']').toString();
    }
    return node.toString();
  }

  private static String diff(String path, JsonNode expected, JsonNode actual) {
    if (isDecimal(actual)) {
      BigDecimal a = new BigDecimal(actual.get(DECIMAL_KEY).asText());
      if (expected.isTextual() || expected.isNumber()) {
        try {
          if (new BigDecimal(expected.asText()).compareTo(a) == 0) {
            return null;
          }
        } catch (NumberFormatException e) {
          // Not a number: reported below.
        }
      }
      return path + ": expected " + expected + " but got decimal " + a.toPlainString();
    }
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
        return expected.bigIntegerValue().equals(actual.bigIntegerValue())
            ? null
            : path + ": expected " + expected + " but got " + actual;
      }
      double e = expected.asDouble();
      double a = actual.asDouble();
      if (e == a || Math.abs(e - a) <= TOLERANCE * Math.max(Math.abs(e), Math.abs(a))) {
        return null;
      }
      return path + ": expected " + expected + " but got " + actual;
    }
    if (expected.isArray() && actual.isArray()) {
      int n = Math.min(expected.size(), actual.size());
      for (int i = 0; i < n; i++) {
        String d = diff(path + "[" + i + "]", expected.get(i), actual.get(i));
        if (d != null) {
          return d;
        }
      }
      if (expected.size() != actual.size()) {
        return path
            + ": expected "
            + expected.size()
            + " items but got "
            + actual.size()
            + (actual.size() > n
                ? " (first extra: " + abbreviate(toReport(actual.get(n))) + ")"
                : " (first missing: " + abbreviate(expected.get(n)) + ")");
      }
      return null;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      TreeSet<String> actualKeys = new TreeSet<>();
      actual.fieldNames().forEachRemaining(actualKeys::add);
      if (!keys.equals(actualKeys)) {
        TreeSet<String> missing = new TreeSet<>(keys);
        missing.removeAll(actualKeys);
        TreeSet<String> extra = new TreeSet<>(actualKeys);
        extra.removeAll(keys);
        return path + ": keys differ, missing " + missing + ", unexpected " + extra;
      }
      for (String k : keys) {
        String d = diff(path + "." + k, expected.get(k), actual.get(k));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected.equals(actual)) {
      return null;
    }
    return path + ": expected " + abbreviate(expected) + " but got " + abbreviate(toReport(actual));
  }

  static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }
}
