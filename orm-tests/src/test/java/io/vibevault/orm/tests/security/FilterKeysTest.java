package io.vibevault.orm.tests.security;

import static io.vibevault.orm.tests.security.Hostile.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS.md §2.1: hostile filter keys through {@code filter(Map)}, {@code exclude(Map)}, {@code
 * Q.of(map)} and key/value pairs. Each is refused with a typed error before any SQL is sent.
 */
@DatabaseTest(models = {User.class, Memory.class, Deep.class})
class FilterKeysTest {
  private User ada;

  @BeforeEach
  void seed() {
    ada = Hostile.user("ada");
    Hostile.memory(ada, "Beach day", Map.of("words", 60));
  }

  /** Every way a key reaches the ORM, each evaluated so a lazily raised error counts too. */
  private static void everyEntryPoint(Class<? extends Throwable> type, String key, Object value) {
    Map<String, Object> map = new HashMap<>();
    map.put(key, value);
    rejected(type, () -> Memory.objects.filter(map).list());
    rejected(type, () -> Memory.objects.exclude(map).list());
    rejected(type, () -> Memory.objects.filter(Q.of(map)).list());
    rejected(type, () -> Memory.objects.filter(Q.of(key, value).not()).count());
    rejected(type, () -> Memory.objects.filter(key, value).exists());
    rejected(type, () -> Memory.objects.get(map));
  }

  @DbTest
  void h01UnknownLookupNamesTheLookupAndTheField() {
    everyEntryPoint(FieldError.class, "title__icontainsx", "beach");
    FieldError e =
        rejected(FieldError.class, () -> Memory.objects.filter(Map.of("title__icontainsx", "b")));
    assertThat(e.getMessage()).contains("'icontainsx'").contains("'title'").contains("icontains");
  }

  @DbTest
  void h02SqlInTheKeyIsNamedWithTheModel() {
    String key = "title\"; DROP TABLE memory; --";
    everyEntryPoint(FieldError.class, key, "x");
    FieldError e = rejected(FieldError.class, () -> Memory.objects.filter(Map.of(key, "x")));
    assertThat(e.getMessage()).contains(key).contains("Memory");
    // The same text after a valid field is a lookup name, refused the same way.
    everyEntryPoint(FieldError.class, "title__\"; DROP TABLE memory; --", "x");
    assertThat(Memory.objects.count()).isEqualTo(1);
  }

  @DbTest
  void h04SensitiveFieldRefusedInEveryPathPosition() {
    String[] paths = {
      "user__password__startswith", "user__password", "user__password__gt", "user__password__regex"
    };
    for (String path : paths) {
      everyEntryPoint(FieldError.class, path, "$argon2id$");
    }
    for (String path : List.of("password", "password__startswith", "password__isnull")) {
      rejected(FieldError.class, () -> User.objects.filter(path, "x").list());
      rejected(FieldError.class, () -> User.objects.exclude(Map.of(path, "x")).list());
    }
    FieldError e =
        rejected(
            FieldError.class,
            () -> Memory.objects.filter(Map.of("user__password__startswith", "$argon2id$")));
    assertThat(e.getMessage()).contains("'password'").contains("sensitive");
    rejected(FieldError.class, () -> User.objects.orderBy("password").list());
    rejected(FieldError.class, () -> Memory.objects.orderBy("-user__password").list());
    rejected(FieldError.class, () -> User.objects.values("password").list());
    rejected(FieldError.class, () -> Memory.objects.valuesList("user__password").list());
    rejected(FieldError.class, () -> User.objects.filter("username", F.of("password")).list());
    rejected(FieldError.class, () -> User.objects.get("password", "x"));
    // Copying the secret into a readable column is a lookup of it too.
    rejected(FieldError.class, () -> User.objects.all().update(Map.of("email", F.of("password"))));
    rejected(FieldError.class, () -> User.objects.filter("email", F.of("password")).exists());
    rejected(FieldError.class, () -> User.objects.all().inBulk(List.of("x"), "password"));
    rejected(FieldError.class, () -> User.objects.values("username", "password").list());
    rejected(FieldError.class, () -> Memory.objects.filter(Q.of("user__password__isnull", false)));
    assertThat(User.objects.get("username", "ada").password).isEqualTo("x");
    // The error does not list the secret among the choices.
    FieldError unknown = rejected(FieldError.class, () -> User.objects.filter("colour", "red"));
    assertThat(unknown.getMessage()).contains("username").doesNotContain("password");
  }

  @DbTest
  void h04SensitiveFieldStillReadAndWrittenAsPartOfTheModel() {
    User u = User.objects.get("username", "ada");
    assertThat(u.password).isEqualTo("x");
    assertThat(User.objects.filter("username", "ada").update(Map.of("password", "y"))).isEqualTo(1);
    assertThat(User.objects.get("pk", u.pk()).password).isEqualTo("y");
    // values() with no names is every field except the secret.
    List<Map<String, Object>> rows = User.objects.values().list();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsEntry("username", "ada").doesNotContainKey("password");
  }

  @DbTest
  void h05MultiHopTraversalStopsAtTheDefaultDepth() {
    String key = "user__memories__user__email__regex";
    everyEntryPoint(FieldError.class, key, "^a");
    FieldError e = rejected(FieldError.class, () -> Memory.objects.filter(key, "^a"));
    assertThat(e.getMessage()).contains(key).contains("relations");
    rejected(FieldError.class, () -> Memory.objects.orderBy("user__memories__user__email"));
    rejected(FieldError.class, () -> Memory.objects.values("user__memories__user__email"));
    // Two hops stay allowed by default.
    assertThat(Memory.objects.filter("user__memories__title", "Beach day").count()).isEqualTo(1);
  }

  @DbTest
  void h05DepthIsConfigurablePerModel() {
    // Deep allows three hops; the fourth is refused the same way.
    Deep root = Deep.objects.create("note", "root");
    Deep a = Deep.objects.create("parent", root, "note", "a");
    Deep b = Deep.objects.create("parent", a, "note", "b");
    Deep c = Deep.objects.create("parent", b, "note", "c");
    assertThat(Deep.objects.filter("parent__parent__parent__note", "root").list())
        .containsExactly(c);
    assertThat(Deep.objects.filter("children__children__children__note", "c").list())
        .containsExactly(root);
    FieldError e =
        rejected(
            FieldError.class,
            () -> Deep.objects.filter("parent__parent__parent__parent__note", "x").list());
    assertThat(e.getMessage()).contains("more than 3 relations");
    rejected(FieldError.class, () -> Deep.objects.orderBy("children__children__parent__parent"));
  }

  @DbTest
  void h07NegatedAndConnectorAreNotLookups() {
    for (String key : List.of("_negated", "_connector")) {
      for (Object value : new Object[] {"yes", true, "OR", 1}) {
        Map<String, Object> map = Map.of(key, value);
        rejected(ArgumentError.class, () -> Memory.objects.filter(map).list());
        rejected(ArgumentError.class, () -> Memory.objects.exclude(map).list());
        rejected(ArgumentError.class, () -> Q.of(map));
        // As a key/value pair it is an unknown field name.
        rejected(FieldError.class, () -> Memory.objects.filter(key, value).list());
      }
    }
    Map<String, Object> mixed = new LinkedHashMap<>();
    mixed.put("title", "Beach day");
    mixed.put("_negated", "yes");
    rejected(ArgumentError.class, () -> Memory.objects.filter(mixed).list());
  }

  @DbTest
  void h08ControlCharactersInKeysArePrintedEscaped() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("title\u0000__exact", "title\\u0000");
    keys.put("title\n__exact", "title\\u000a");
    keys.put("title\u009b", "title\\u009b");
    keys.put("title\r\n__exact", "title\\u000d\\u000a");
    keys.put("title__\u001b[31mexact", "\\u001b[31mexact");
    keys.put("title__exact\u0000", "exact\\u0000");
    for (Map.Entry<String, String> k : keys.entrySet()) {
      everyEntryPoint(FieldError.class, k.getKey(), "x");
      FieldError e =
          rejected(FieldError.class, () -> Memory.objects.filter(Map.of(k.getKey(), "x")));
      assertThat(e.getMessage()).contains(k.getValue());
      assertThat(e.getMessage().chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)))
          .as("raw control characters in %s", Hostile.printable(e.getMessage()))
          .isEmpty();
    }
  }

  @DbTest
  void h10HugeKeyFailsFastWithoutBacktracking() {
    // Warm the resolver with a small bad key, then time the big ones.
    rejected(FieldError.class, () -> Memory.objects.filter("a__a", 1));
    String[] huge = {
      "a__".repeat(50_000),
      "title__" + "a__".repeat(50_000),
      "metricsJson__" + "a__".repeat(50_000),
      "user__" + "a__".repeat(50_000),
      "_".repeat(150_000),
      "title" + "_".repeat(150_000) + "!",
    };
    for (String key : huge) {
      double ms =
          Hostile.millis(() -> rejected(FieldError.class, () -> Memory.objects.filter(key, 1)));
      assertThat(ms).as("ms for a %d-character key", key.length()).isLessThan(50);
      Throwable e = rejected(FieldError.class, () -> Memory.objects.filter(Map.of(key, 1)));
      assertThat(e.getMessage().length()).as("message length").isLessThan(2_000);
      rejected(FieldError.class, () -> Memory.objects.values(key).list());
      rejected(FieldError.class, () -> Memory.objects.orderBy(key).list());
    }
  }

  @DbTest
  void otherNamePositionsAreResolvedNeverRendered() {
    // values(), valuesList(), only(), defer(), distinct() and selectForUpdateOf() take names too.
    for (String name :
        List.of(
            "title\"; DROP TABLE memory; --",
            "*",
            "COUNT(*)",
            "1",
            "title AS x",
            "security_memory.title",
            "(SELECT password FROM security_user)",
            "user__password",
            "title\u0000")) {
      rejected(FieldError.class, () -> Memory.objects.values(name).list());
      rejected(FieldError.class, () -> Memory.objects.valuesList("id", name).list());
      rejected(FieldError.class, () -> Memory.objects.only(name).list());
      rejected(FieldError.class, () -> Memory.objects.defer(name).list());
      Throwable distinct =
          rejected(RuntimeException.class, () -> Memory.objects.distinct(name).list());
      assertThat(distinct)
          .isInstanceOfAny(FieldError.class, io.vibevault.orm.exception.NotSupportedError.class);
      Throwable of =
          Hostile.rejectedBeforeData(
              RuntimeException.class,
              () ->
                  io.vibevault.orm.transaction.Transaction.atomic(
                      () -> Memory.objects.all().selectForUpdateOf(name).list()));
      assertThat(of)
          .isInstanceOfAny(FieldError.class, io.vibevault.orm.exception.NotSupportedError.class);
    }
  }

  @DbTest
  void h11DegenerateKeys() {
    for (String key :
        List.of("", "__", "title__", "__title", "____", "title____exact", "user__", "pk__")) {
      everyEntryPoint(FieldError.class, key, "x");
    }
    rejected(FieldError.class, () -> Memory.objects.filter(Map.of(" title", "x")).list());
    rejected(FieldError.class, () -> Memory.objects.filter(Map.of("title ", "x")).list());
    rejected(FieldError.class, () -> Memory.objects.filter(Map.of("TITLE", "x")).list());
    Map<Object, Object> nonString = new HashMap<>();
    nonString.put(1, "x");
    rejected(FieldError.class, () -> Memory.objects.filter(new Object[] {nonString}).list());
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    rejected(FieldError.class, () -> Memory.objects.filter(nullKey).list());
    rejected(FieldError.class, () -> Q.of((String) null, "x"));
  }
}
