package io.vibevault.orm.tests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.OrmException;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS.md rule 10: every driver failure reaches the caller as a typed ORM exception with the
 * driver's SQLException as its cause, never as a raw SQLException. Constraint violations of every
 * kind are IntegrityError on every backend, whichever path sent the statement.
 */
@DatabaseTest(models = {User.class, Memory.class})
class DriverErrorsTest {
  private User ada;

  @BeforeEach
  void seed() {
    ada = Hostile.user("ada");
    Hostile.memory(ada, "Beach day", Map.of());
  }

  private static String table(Class<? extends io.vibevault.orm.model.Model> model) {
    return ModelMeta.of(model).dbTable();
  }

  private static String column(Class<? extends io.vibevault.orm.model.Model> model, String f) {
    return ModelMeta.of(model).field(f).column();
  }

  /** The exception {@code action} throws: of {@code type}, wrapping the driver's SQLException. */
  private static <E extends DatabaseError> E wrapped(Class<E> type, ThrowingCallable action) {
    Throwable t = catchThrowable(action);
    assertThat(t).as("thrown").isInstanceOf(type).isNotInstanceOf(SQLException.class);
    assertThat(t.getCause()).as("cause of %s", t).isInstanceOf(SQLException.class);
    return type.cast(t);
  }

  private static void sql(String statement, Object... params) {
    try (Cursor c = Database.connection().cursor()) {
      c.execute(statement, params);
    }
  }

  private static String insertMemory(String userId, String title, String views) {
    return "INSERT INTO "
        + table(Memory.class)
        + " ("
        + String.join(
            ", ",
            column(Memory.class, "user"),
            column(Memory.class, "title"),
            column(Memory.class, "text"),
            column(Memory.class, "metricsJson"),
            column(Memory.class, "createdAt"),
            column(Memory.class, "views"))
        + ") VALUES ("
        + userId
        + ", "
        + title
        + ", 't', '{}', '2024-01-01 00:00:00', "
        + views
        + ")";
  }

  @DbTest
  void uniqueViolations() {
    wrapped(IntegrityError.class, () -> Hostile.user("ada"));
    wrapped(IntegrityError.class, () -> Transaction.atomic(() -> Hostile.user("ada")));
    User bob = Hostile.user("bob");
    wrapped(
        IntegrityError.class,
        () -> User.objects.filter("pk", bob.pk()).update(Map.of("username", "ada")));
    bob.username = "ada";
    wrapped(IntegrityError.class, bob::save);
    List<User> twins = new ArrayList<>();
    for (String name : List.of("cy", "cy")) {
      User u = new User();
      u.username = name;
      twins.add(u);
    }
    wrapped(IntegrityError.class, () -> User.objects.bulkCreate(twins));
    wrapped(
        IntegrityError.class,
        () ->
            sql(
                "INSERT INTO "
                    + table(User.class)
                    + " ("
                    + column(User.class, "username")
                    + ", "
                    + column(User.class, "email")
                    + ", "
                    + column(User.class, "password")
                    + ") VALUES (%s, '', '')",
                "ada"));
    assertThat(User.objects.count()).isEqualTo(2);
  }

  @DbTest
  void foreignKeyViolations() {
    wrapped(
        IntegrityError.class,
        () ->
            Memory.objects.create(
                Map.of("user", 9_999, "title", "orphan", "createdAt", Instant.now())));
    wrapped(
        IntegrityError.class,
        () ->
            Transaction.atomic(
                () ->
                    Memory.objects.create(
                        Map.of("user", 9_999, "title", "orphan", "createdAt", Instant.now()))));
    wrapped(IntegrityError.class, () -> sql(insertMemory("9999", "'orphan'", "0")));
    wrapped(
        IntegrityError.class,
        () -> Memory.objects.filter("title", "Beach day").update(Map.of("user", 9_999)));
    wrapped(IntegrityError.class, () -> sql("DELETE FROM " + table(User.class)));
    assertThat(Memory.objects.filter("user", ada).count()).isEqualTo(1);
  }

  @DbTest
  void notNullViolations() {
    // The ORM refuses a null for a NOT NULL column before sending anything ...
    Throwable early =
        catchThrowable(
            () ->
                Memory.objects.create(
                    withNull(
                        "title", Map.of("user", ada, "createdAt", Instant.now(), "views", 0))));
    assertThat(early).isInstanceOf(IntegrityError.class);
    // ... and the database's own refusal is wrapped the same way.
    wrapped(IntegrityError.class, () -> sql(insertMemory(String.valueOf(ada.pk()), "NULL", "0")));
    wrapped(
        IntegrityError.class,
        () ->
            sql(
                "UPDATE "
                    + table(User.class)
                    + " SET "
                    + column(User.class, "username")
                    + " = NULL"));
    assertThat(User.objects.get("pk", ada.pk()).username).isEqualTo("ada");
  }

  @DbTest
  void checkViolations() {
    wrapped(
        IntegrityError.class,
        () ->
            Memory.objects.create(
                Map.of("user", ada, "title", "neg", "createdAt", Instant.now(), "views", -1)));
    wrapped(
        IntegrityError.class,
        () -> Memory.objects.filter("title", "Beach day").update(Map.of("views", -5)));
    wrapped(IntegrityError.class, () -> sql(insertMemory(String.valueOf(ada.pk()), "'neg'", "-1")));
    assertThat(Memory.objects.filter("views__lt", 0).count()).isZero();
  }

  @DbTest
  void theCaptureHookSeesStatementsThatFail() {
    // The reject verdict relies on this: a statement the database refused is still recorded.
    var ran =
        Database.captureQueries(() -> catchThrowable(() -> sql("SELECT * FROM no_such_table")));
    assertThat(ran).hasSize(1);
    var insert = Database.captureQueries(() -> catchThrowable(() -> Hostile.user("ada")));
    assertThat(insert.stream().filter(q -> !q.isTransactionControl())).hasSize(1);
  }

  @DbTest
  void batchesAndStreamsWrapTheirFailures(TestDatabase db) {
    String insertUser =
        "INSERT INTO "
            + table(User.class)
            + " ("
            + column(User.class, "username")
            + ", "
            + column(User.class, "email")
            + ", "
            + column(User.class, "password")
            + ") VALUES (%s, '', '')";
    wrapped(
        IntegrityError.class,
        () -> {
          try (Cursor c = Database.connection().cursor()) {
            c.executeMany(insertUser, List.of(List.of("dee"), List.of("ada")));
          }
        });
    // A statement that fails while its rows stream (division by zero fails on PostgreSQL; the
    // others answer NULL, which matches nothing).
    Throwable streamed =
        catchThrowable(
            () -> {
              try (var it = Memory.objects.filter("views__gt", F.of("views").div(0)).iterator(10)) {
                while (it.hasNext()) {
                  it.next();
                }
              }
            });
    if (streamed != null) {
      assertThat(streamed).isInstanceOf(DatabaseError.class);
      assertThat(streamed.getCause()).isInstanceOf(SQLException.class);
    }
    Throwable listed =
        catchThrowable(() -> Memory.objects.filter("views__gt", F.of("views").div(0)).list());
    if (listed != null) {
      assertThat(listed).isInstanceOf(DatabaseError.class);
      assertThat(listed.getCause()).isInstanceOf(SQLException.class);
    }
    assertThat(listed == null).isEqualTo(streamed == null);
  }

  @DbTest
  void otherDriverFailuresAreTypedToo(TestDatabase db) {
    List<String> bad =
        List.of(
            "SELEC 1",
            "SELECT * FROM no_such_table",
            "SELECT no_such_column FROM " + table(Memory.class),
            "INSERT INTO " + table(Memory.class) + " (id) VALUES ('x', 'y')",
            "SELECT 1; SELECT 2");
    for (String statement : bad) {
      Throwable t = catchThrowable(() -> sql(statement));
      if (t == null) {
        continue; // a backend may accept one of these; what matters is the failures' type
      }
      assertThat(t).as(statement).isInstanceOf(DatabaseError.class);
      assertThat(t.getCause()).as(statement).isInstanceOf(SQLException.class);
    }
    Throwable raw = catchThrowable(() -> Memory.objects.raw("SELECT * FROM no_such_table").list());
    assertThat(raw).isInstanceOf(DatabaseError.class);
    assertThat(raw.getCause()).isInstanceOf(SQLException.class);
    // After a failure inside a transaction, the connection still answers.
    Throwable inTx =
        catchThrowable(
            () ->
                Transaction.atomic(
                    () -> {
                      sql("SELECT * FROM no_such_table");
                    }));
    assertThat(inTx).isInstanceOf(DatabaseError.class);
    assertThat(Memory.objects.count()).isEqualTo(1);
  }

  @DbTest
  void corruptJsonOnReadIsATypedError(TestDatabase db) {
    // Only where the database itself lets text that is not JSON into the column.
    Throwable stored =
        catchThrowable(
            () ->
                sql(
                    "UPDATE "
                        + table(Memory.class)
                        + " SET "
                        + column(Memory.class, "metricsJson")
                        + " = %s",
                    "{not json"));
    if (stored != null) {
      assertThat(stored).isInstanceOf(DatabaseError.class);
      assertThat(stored.getCause()).isInstanceOf(SQLException.class);
      return;
    }
    for (ThrowingCallable read :
        List.<ThrowingCallable>of(
            () -> Memory.objects.all().list(),
            () -> Memory.objects.values("metricsJson").list(),
            () -> Memory.objects.filter("metricsJson__a", 1).list(),
            () -> Memory.objects.filter("metricsJson__has_key", "a").list())) {
      Throwable t = catchThrowable(read);
      if (t != null) {
        assertThat(t).isInstanceOf(OrmException.class);
      }
    }
  }

  private static Map<String, Object> withNull(String field, Map<String, Object> values) {
    Map<String, Object> out = new java.util.HashMap<>(values);
    out.put(field, null);
    return out;
  }
}
