package io.vibevault.orm.tests.security;

import static io.vibevault.orm.tests.security.Hostile.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.OrmException;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * THREATS.md §2.5: JSON keys are data. Whatever characters a key holds, it is matched literally as
 * one key (never as path syntax), bound as a parameter, on {@code has_key}, key lookups and {@code
 * values()}; absurd paths are refused before SQL.
 */
@DatabaseTest(models = {User.class, Memory.class})
class JsonKeysTest {
  /** The key list of django/django PR #18845's test. */
  static final List<String> DJANGO_18845_KEYS =
      List.of(
          "single'",
          "double\"",
          "dollar$",
          "dot.dot",
          "with space",
          "back\\slash",
          "question?mark",
          "user@name",
          "emo🤡'ji",
          "com,ma",
          "curly{{{brace}}}s",
          "escape\uffff'sequence",
          "m\\i@x. m🤡'a,t{{{ch}}}e?d$\"'es\uffff'cape");

  /** JSON-path metacharacters (H-41), casts (H-43) and quote-plus-backslash (H-44). */
  static final List<String> PATH_SYNTAX_KEYS =
      List.of(
          "*",
          "**",
          "[0]",
          "$",
          "a.b",
          "a[*]",
          "$.a",
          "$**.b",
          "..",
          "\"",
          "'",
          "\\",
          "\\\"",
          "a\"].b[\"",
          "label::text",
          "label'::text",
          "\\'; DROP TABLE x; --",
          "'; DROP TABLE security_memory; --",
          "') OR 1=1 --",
          "ключ",
          "");

  private User ada;

  /** A bean in a JSON document: Jackson writes it as an object. */
  public record Note(String text) {}

  private Memory withMetrics(String title, Map<String, ?> metrics) {
    return Hostile.memory(ada, title, metrics);
  }

  /** One row per key holding it literally, and decoy rows holding what a parser would see. */
  private Map<String, Memory> seed(List<String> keys) {
    ada = Hostile.user("ada");
    withMetrics(
        "decoys",
        Map.of(
            "a",
            Map.of("b", "sibling", "[*]", "sibling"),
            "single",
            "decoy",
            "dot",
            Map.of("dot", "decoy"),
            "label",
            "decoy",
            "x",
            List.of("decoy", "decoy"),
            "b",
            "decoy"));
    withMetrics("empty", Map.of());
    Map<String, Memory> rows = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put(key, "value " + i);
      doc.put("nested", Map.of(key, i));
      doc.put("n", i);
      rows.put(key, withMetrics("row " + i, doc));
    }
    return rows;
  }

  private static Set<Object> pks(List<Memory> rows) {
    return rows.stream().map(Memory::pk).collect(Collectors.toCollection(TreeSet::new));
  }

  private static void checkKey(String key, int index, Memory row) {
    String path = "metricsJson__" + key;
    // has_key, has_keys, has_any_keys: this row only.
    var hasKey =
        Hostile.acceptedLike(
            Memory.objects.filter("metricsJson__has_key", key),
            Memory.objects.filter("metricsJson__has_key", "benign"),
            key);
    assertThat(pks(hasKey.result()))
        .as("has_key %s", Hostile.printable(key))
        .containsExactly(row.pk());
    assertThat(Hostile.boundSomewhere(hasKey, key) || key.isEmpty() || hasEscapable(key))
        .as("key bound: %s", hasKey.params())
        .isTrue();
    assertThat(pks(Memory.objects.filter("metricsJson__has_keys", List.of(key, "n")).list()))
        .containsExactly(row.pk());
    assertThat(pks(Memory.objects.filter("metricsJson__has_any_keys", List.of(key)).list()))
        .containsExactly(row.pk());
    assertThat(pks(Memory.objects.filter("metricsJson__nested__has_key", key).list()))
        .containsExactly(row.pk());
    if (key.isEmpty() || key.contains("__")) {
      return; // no lookup path can name these keys
    }
    // key exact (and the spelled-out __exact), with the template of a harmless key.
    var exact =
        Hostile.acceptedLike(
            Memory.objects.filter(path, "value " + index),
            Memory.objects.filter("metricsJson__benign", "value " + index),
            key);
    assertThat(pks(exact.result()))
        .as("%s = value", Hostile.printable(key))
        .containsExactly(row.pk());
    assertThat(pks(Memory.objects.filter(path + "__exact", "value " + index).list()))
        .containsExactly(row.pk());
    assertThat(Memory.objects.filter(path, "decoy").list()).isEmpty();
    assertThat(Memory.objects.filter(path, "sibling").list()).isEmpty();
    assertThat(pks(Memory.objects.filter("metricsJson__nested__" + key, index).list()))
        .containsExactly(row.pk());
    assertThat(pks(Memory.objects.filter(path + "__isnull", false).list()))
        .containsExactly(row.pk());
    assertThat(pks(Memory.objects.filter(path + "__icontains", "VALUE").list()))
        .containsExactly(row.pk());
    assertThat(pks(Memory.objects.filter(path + "__in", List.of("value " + index, "x")).list()))
        .containsExactly(row.pk());
    assertThat(pks(Memory.objects.filter("metricsJson__nested__" + key + "__gte", index).list()))
        .contains(row.pk())
        .doesNotContain(Memory.objects.get("title", "decoys").pk());
    // values() and valuesList() read the key's value, and nothing for the other rows.
    var values =
        Hostile.acceptedLike(
            Memory.objects.orderBy("id").values("id", path),
            Memory.objects.orderBy("id").values("id", "metricsJson__benign"),
            key);
    Map<Object, Object> byId = new HashMap<>();
    for (Map<String, Object> r : values.result()) {
      byId.put(r.get("id"), r.get(path));
    }
    assertThat(byId.get(row.pk()))
        .as("values(%s)", Hostile.printable(path))
        .isEqualTo("value " + index);
    long others = byId.entrySet().stream().filter(e -> e.getValue() != null).count();
    assertThat(others).as("rows with a value for %s: %s", path, byId).isEqualTo(1);
    assertThat(
            Memory.objects.filter("pk", row.pk()).valuesList("metricsJson__nested__" + key).list())
        .containsExactly(List.of(index));
  }

  /** Keys a JSON path writes escaped: quotes, backslashes, control characters. */
  private static boolean hasEscapable(String key) {
    return key.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20);
  }

  @DbTest
  void h40EveryDjango18845Key() {
    Map<String, Memory> rows = seed(DJANGO_18845_KEYS);
    int i = 0;
    for (Map.Entry<String, Memory> e : rows.entrySet()) {
      checkKey(e.getKey(), i++, e.getValue());
    }
    // The stored documents come back byte for byte.
    for (Map.Entry<String, Memory> e : rows.entrySet()) {
      assertThat(Memory.objects.get("pk", e.getValue().pk()).metricsJson)
          .containsKey(e.getKey())
          .isEqualTo(e.getValue().metricsJson);
    }
  }

  @DbTest
  void h41h43h44PathSyntaxInKeysIsLiteral() {
    Map<String, Memory> rows = seed(PATH_SYNTAX_KEYS);
    int i = 0;
    for (Map.Entry<String, Memory> e : rows.entrySet()) {
      checkKey(e.getKey(), i++, e.getValue());
    }
    // a.b is one key: the sibling a -> b is never reached, and a[*] is no wildcard.
    assertThat(Memory.objects.filter("metricsJson__a__b", "sibling").count()).isEqualTo(1);
    assertThat(Memory.objects.filter("metricsJson__a.b", "sibling").count()).isZero();
    assertThat(Memory.objects.filter("metricsJson__label::text", "decoy").count()).isZero();
    assertThat(Memory.objects.filter("metricsJson__label", "decoy").count()).isEqualTo(1);
    assertThat(Memory.objects.filter("metricsJson__*", "decoy").count()).isZero();
    assertThat(Memory.objects.filter("metricsJson__x__1", "decoy").count()).isEqualTo(1);
    assertThat(Memory.objects.count()).isEqualTo(PATH_SYNTAX_KEYS.size() + 2);
  }

  @DbTest
  void h46PathDepthIsLimited() {
    ada = Hostile.user("ada");
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> level = doc;
    // 31 keys deep: MariaDB's JSON_VALID refuses documents nested deeper than 32 levels.
    for (int i = 1; i < 31; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      level.put("a", next);
      level = next;
    }
    level.put("a", "deep");
    Memory m = withMetrics("deep", doc);
    String depth31 = "metricsJson" + "__a".repeat(31);
    assertThat(Memory.objects.filter(depth31, "deep").list()).containsExactly(m);
    assertThat(Memory.objects.values(depth31).list()).containsExactly(Map.of(depth31, "deep"));
    // 32 keys is the longest path accepted; it simply finds nothing here.
    String depth32 = depth31 + "__a";
    assertThat(Memory.objects.filter(depth32, "deep").list()).isEmpty();
    assertThat(Memory.objects.filter(depth32 + "__isnull", false).list()).isEmpty();
    Map<String, Object> expected = new HashMap<>();
    expected.put(depth32, null);
    assertThat(Memory.objects.values(depth32).list()).containsExactly(expected);
    for (int segments : new int[] {33, 1_000}) {
      String key = "metricsJson" + "__a".repeat(segments);
      ArgumentError e = rejected(ArgumentError.class, () -> Memory.objects.filter(key, 1).list());
      assertThat(e.getMessage()).contains("JSON path too deep (max 32)");
      rejected(ArgumentError.class, () -> Memory.objects.filter(key + "__has_key", "a").list());
      rejected(ArgumentError.class, () -> Memory.objects.exclude(key + "__isnull", true).list());
      rejected(ArgumentError.class, () -> Memory.objects.values(key).list());
      rejected(ArgumentError.class, () -> Memory.objects.valuesList("id", key).list());
      // Ordering names are also capped in length: a FieldError first for the longest ones.
      assertThat(rejected(RuntimeException.class, () -> Memory.objects.orderBy(key).list()))
          .isInstanceOfAny(ArgumentError.class, FieldError.class);
    }
    // Longer still, the path's length alone refuses it.
    String huge = "metricsJson" + "__a".repeat(100_000);
    rejected(FieldError.class, () -> Memory.objects.filter(huge, 1).list());
    rejected(FieldError.class, () -> Memory.objects.values(huge).list());
  }

  @DbTest
  void h47ControlCharactersInStoredJsonRoundTrip() {
    ada = Hostile.user("ada");
    List<String> texts = new ArrayList<>();
    for (char c = 1; c < 0x20; c++) {
      texts.add("a" + c + "b");
    }
    texts.addAll(List.of("\u007f", "\u0085", "\u2028\u2029", "\ufeff", "\uffff", "\"\\/"));
    // Backslashes before the letters of NUL's escape: text, not NUL (the check reads the JSON).
    texts.addAll(List.of("\\u0000", "a\\\\u0000", "\\\\\\u0000b"));
    for (String t : texts) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("v", t);
      doc.put(t, List.of(t, Map.of("k", t)));
      Memory m = withMetrics("ctl", doc);
      Memory back = Memory.objects.get("pk", m.pk());
      assertThat(back.metricsJson).as("round trip of %s", Hostile.printable(t)).isEqualTo(doc);
      assertThat(Memory.objects.filter("metricsJson__v", t).list()).containsExactly(m);
      assertThat(Memory.objects.filter("metricsJson__has_key", t).list()).containsExactly(m);
      assertThat(Memory.objects.filter("pk", m.pk()).values("metricsJson").list().get(0))
          .containsEntry("metricsJson", doc);
      m.delete();
    }
    // NUL is refused as a value and as a key, the same on every backend.
    for (String nul : List.of("\u0000", "a\u0000b")) {
      rejected(ValidationError.class, () -> withMetrics("nul", Map.of("v", nul)));
      rejected(ValidationError.class, () -> withMetrics("nul", Map.of(nul, "v")));
      rejected(ValidationError.class, () -> withMetrics("nul", Map.of("v", List.of(nul))));
      // Inside an array or a record too: Jackson writes them, so they are checked like maps.
      rejected(ValidationError.class, () -> withMetrics("nul", Map.of("v", new String[] {nul})));
      rejected(ValidationError.class, () -> withMetrics("nul", Map.of("v", new Note(nul))));
      rejected(ValidationError.class, () -> withMetrics("nul", Map.of("v", "\\\\" + nul)));
      rejected(ValidationError.class, () -> Memory.objects.filter("metricsJson__v", nul).list());
      rejected(
          ValidationError.class, () -> Memory.objects.filter("metricsJson__has_key", nul).list());
      rejected(OrmException.class, () -> Memory.objects.filter("metricsJson__" + nul, 1).list());
    }
    assertThat(Memory.objects.count()).isZero();
  }

  @DbTest
  void controlCharactersInKeysOnEveryKeyLookup() {
    List<String> keys = new ArrayList<>();
    for (char c = 1; c < 0x20; c++) {
      keys.add("key" + c);
    }
    keys.add("key\u007f");
    keys.add("key\u2028");
    Map<String, Memory> rows = seed(keys);
    int i = 0;
    for (Map.Entry<String, Memory> e : rows.entrySet()) {
      checkKey(e.getKey(), i++, e.getValue());
    }
  }

  @DbTest
  void loneSurrogatesInKeysNeverMatchAReplacementCharacter() {
    ada = Hostile.user("ada");
    withMetrics("q", Map.of("?", "q", "\ufffd", "r", "?abc", "s"));
    for (String bad : List.of("\uD800", "\uDC00", "\uD800abc")) {
      rejected(OrmException.class, () -> Memory.objects.filter("metricsJson__" + bad, "q").list());
      rejected(
          ValidationError.class, () -> Memory.objects.filter("metricsJson__has_key", bad).list());
      rejected(ValidationError.class, () -> Memory.objects.filter("metricsJson__v", bad).list());
      rejected(OrmException.class, () -> Memory.objects.values("metricsJson__" + bad).list());
      rejected(ValidationError.class, () -> withMetrics("s", Map.of(bad, "v")));
      rejected(ValidationError.class, () -> withMetrics("s", Map.of("v", new String[] {bad})));
      rejected(ValidationError.class, () -> withMetrics("s", Map.of("v", new Note(bad))));
    }
  }
}
