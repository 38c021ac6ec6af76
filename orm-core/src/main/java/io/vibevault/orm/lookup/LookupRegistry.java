package io.vibevault.orm.lookup;

import io.vibevault.orm.backend.DatePart;
import io.vibevault.orm.backend.PatternKind;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.model.FieldKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which lookups and transforms apply to an expression, by the storage kind of its output (Django's
 * {@code register_lookup}). Built-ins are registered here; applications may add their own for any
 * kind.
 *
 * <pre>{@code
 * LookupRegistry.registerLookup(FieldKind.CHAR, "ne",
 *     (lhs, rhs) -> new Lookup(lhs, rhs) { ... });
 * LookupRegistry.registerTransform(FieldKind.DATE_TIME, "yearday", lhs -> new DayOfYear(lhs));
 * }</pre>
 */
public final class LookupRegistry {
  /** Creates a lookup from its left-hand side and raw right-hand value. */
  @FunctionalInterface
  public interface LookupFactory {
    Lookup create(Expression lhs, Object rhs);
  }

  /** Creates a transform of a left-hand side. */
  @FunctionalInterface
  public interface TransformFactory {
    Expression create(Expression lhs);
  }

  private static final Map<String, LookupFactory> COMMON = new LinkedHashMap<>();
  private static final Map<String, LookupFactory> JSON_COLUMN = new LinkedHashMap<>();
  private static final Map<String, LookupFactory> JSON_KEY = new LinkedHashMap<>();
  private static final Map<FieldKind, Map<String, LookupFactory>> CUSTOM_LOOKUPS =
      new ConcurrentHashMap<>();
  private static final Map<FieldKind, Map<String, TransformFactory>> TRANSFORMS =
      new ConcurrentHashMap<>(new EnumMap<>(FieldKind.class));

  static {
    COMMON.put("exact", Exact::new);
    COMMON.put("iexact", IExact::new);
    for (PatternKind k : PatternKind.values()) {
      COMMON.put(k.name().toLowerCase(Locale.ROOT), (lhs, rhs) -> new PatternLookup(k, lhs, rhs));
    }
    COMMON.put("in", In::new);
    COMMON.put("gt", GreaterThan::new);
    COMMON.put("gte", GreaterThanOrEqual::new);
    COMMON.put("lt", LessThan::new);
    COMMON.put("lte", LessThanOrEqual::new);
    COMMON.put("range", Range::new);
    COMMON.put("isnull", IsNull::new);
    COMMON.put("regex", (lhs, rhs) -> new Regex(lhs, rhs, false));
    COMMON.put("iregex", (lhs, rhs) -> new Regex(lhs, rhs, true));

    JSON_COLUMN.put("exact", (lhs, rhs) -> new JsonLookups.JsonCompare(lhs, rhs, "exact", "="));
    JSON_COLUMN.put("isnull", IsNull::new);
    hasKeys(JSON_COLUMN);
    JSON_COLUMN.put("contains", (lhs, rhs) -> new JsonLookups.Containment(lhs, rhs, false));
    JSON_COLUMN.put("contained_by", (lhs, rhs) -> new JsonLookups.Containment(lhs, rhs, true));

    JSON_KEY.put("exact", (lhs, rhs) -> new JsonLookups.JsonCompare(lhs, rhs, "exact", "="));
    JSON_KEY.put("gt", (lhs, rhs) -> new JsonLookups.JsonCompare(lhs, rhs, "gt", ">"));
    JSON_KEY.put("gte", (lhs, rhs) -> new JsonLookups.JsonCompare(lhs, rhs, "gte", ">="));
    JSON_KEY.put("lt", (lhs, rhs) -> new JsonLookups.JsonCompare(lhs, rhs, "lt", "<"));
    JSON_KEY.put("lte", (lhs, rhs) -> new JsonLookups.JsonCompare(lhs, rhs, "lte", "<="));
    JSON_KEY.put("in", JsonLookups.KeyIn::new);
    JSON_KEY.put("isnull", JsonLookups.KeyIsNull::new);
    JSON_KEY.put("iexact", (lhs, rhs) -> new JsonLookups.KeyText(lhs, rhs, "iexact", null));
    JSON_KEY.put("regex", (lhs, rhs) -> new JsonLookups.KeyText(lhs, rhs, "regex", null));
    JSON_KEY.put("iregex", (lhs, rhs) -> new JsonLookups.KeyText(lhs, rhs, "iregex", null));
    for (PatternKind k : PatternKind.values()) {
      if (k != PatternKind.CONTAINS) {
        String name = k.name().toLowerCase(Locale.ROOT);
        JSON_KEY.put(name, (lhs, rhs) -> new JsonLookups.KeyText(lhs, rhs, name, k));
      }
    }
    JSON_KEY.put("contains", (lhs, rhs) -> new JsonLookups.Containment(lhs, rhs, false));
    JSON_KEY.put("contained_by", (lhs, rhs) -> new JsonLookups.Containment(lhs, rhs, true));
    hasKeys(JSON_KEY);

    for (DatePart part : DatePart.values()) {
      registerTransform(
          FieldKind.DATE_TIME, part.lookupName(), lhs -> new DatePartTransform(lhs, part));
      if (part.appliesToDate()) {
        registerTransform(
            FieldKind.DATE, part.lookupName(), lhs -> new DatePartTransform(lhs, part));
      } else {
        registerTransform(
            FieldKind.TIME, part.lookupName(), lhs -> new DatePartTransform(lhs, part));
      }
    }
    registerTransform(FieldKind.DATE_TIME, "date", lhs -> new DateCastTransform(lhs, false));
    registerTransform(FieldKind.DATE_TIME, "time", lhs -> new DateCastTransform(lhs, true));
  }

  private static void hasKeys(Map<String, LookupFactory> map) {
    map.put("has_key", (lhs, rhs) -> new JsonLookups.HasKey(lhs, rhs, "has_key"));
    map.put("has_keys", (lhs, rhs) -> new JsonLookups.HasKey(lhs, rhs, "has_keys"));
    map.put("has_any_keys", (lhs, rhs) -> new JsonLookups.HasKey(lhs, rhs, "has_any_keys"));
  }

  private LookupRegistry() {}

  /** Registers a lookup for expressions of a kind (overrides a built-in of the same name). */
  public static void registerLookup(FieldKind kind, String name, LookupFactory factory) {
    CUSTOM_LOOKUPS.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(name, factory);
  }

  /** Registers a transform for expressions of a kind. */
  public static void registerTransform(FieldKind kind, String name, TransformFactory factory) {
    TRANSFORMS.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(name, factory);
  }

  /** The lookup named {@code name} for {@code lhs}, or null when there is none. */
  public static LookupFactory lookup(Expression lhs, String name) {
    FieldKind kind = lhs.outputKind();
    if (kind != null) {
      Map<String, LookupFactory> custom = CUSTOM_LOOKUPS.get(kind);
      if (custom != null && custom.containsKey(name)) {
        return custom.get(name);
      }
    }
    if (lhs instanceof KeyTransform) {
      return JSON_KEY.get(name);
    }
    if (kind == FieldKind.JSON) {
      return JSON_COLUMN.get(name);
    }
    return COMMON.get(name);
  }

  /** The transform named {@code name} for {@code lhs}, or null. JSON accepts any key. */
  public static TransformFactory transform(Expression lhs, String name) {
    FieldKind kind = lhs.outputKind();
    if (kind == null) {
      return null;
    }
    Map<String, TransformFactory> byName = TRANSFORMS.get(kind);
    if (byName != null && byName.containsKey(name)) {
      return byName.get(name);
    }
    if (kind == FieldKind.JSON) {
      return l -> new KeyTransform(l, name);
    }
    return null;
  }

  /** Every lookup and transform name valid after {@code lhs}, for error messages. */
  public static List<String> choices(Expression lhs) {
    List<String> names = new ArrayList<>();
    FieldKind kind = lhs.outputKind();
    if (lhs instanceof KeyTransform) {
      names.addAll(JSON_KEY.keySet());
    } else if (kind == FieldKind.JSON) {
      names.addAll(JSON_COLUMN.keySet());
    } else {
      names.addAll(COMMON.keySet());
    }
    if (kind != null) {
      names.addAll(CUSTOM_LOOKUPS.getOrDefault(kind, Map.of()).keySet());
      names.addAll(TRANSFORMS.getOrDefault(kind, Map.of()).keySet());
    }
    return names;
  }
}
