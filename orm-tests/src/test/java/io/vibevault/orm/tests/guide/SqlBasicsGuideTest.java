package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.transaction.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 1 "SQL basics": each SQL example through the ORM and through a Cursor. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class, Account.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlBasicsGuideTest {
  private GuideData data;

  private void seed() {
    data = GuideData.seed();
  }

  /** Runs raw SQL and returns its rows. */
  private static List<Object[]> rows(String sql, Object... params) {
    try (Cursor c = Database.connection().cursor()) {
      return c.execute(sql, params).fetchAll();
    }
  }

  /** Runs a raw statement and returns the number of rows it changed. */
  private static int exec(String sql, Object... params) {
    try (Cursor c = Database.connection().cursor()) {
      return c.execute(sql, params).rowCount();
    }
  }

  private static long count(String sql, Object... params) {
    return ((Number) rows(sql, params).get(0)[0]).longValue();
  }

  // ------------------------------------------------------------------ What is SQL?

  @Order(1)
  @DbTest
  void crudWithTheOrm() {
    seed();
    List<Memory> all = GuideSql.capture("crud.select", () -> Memory.objects.all().list());
    Memory created =
        GuideSql.capture(
            "crud.insert",
            () ->
                Memory.objects.create(
                    "user",
                    data.demo(),
                    "title",
                    "..",
                    "text",
                    "..",
                    "mediaType",
                    MediaType.TEXT,
                    "mediaFile",
                    ""));
    long updated =
        GuideSql.capture(
            "crud.update",
            () -> Memory.objects.filter("id", created.id).update("title", "Updated"));
    long deleted =
        GuideSql.capture("crud.delete", () -> Memory.objects.filter("id", 1).delete().total());

    assertThat(all).hasSize(5);
    assertThat(created.id).isEqualTo(6L);
    assertThat(updated).isEqualTo(1);
    assertThat(deleted).isEqualTo(1);
    assertThat(Memory.objects.get("id", 6).title).isEqualTo("Updated");
    assertThat(Memory.objects.filter("id", 1).exists()).isFalse();
  }

  @Order(2)
  @DbTest
  void crudWithACursor() {
    seed();
    Instant now = Instant.now();
    assertThat(rows("SELECT * FROM memories")).hasSize(5);
    // Columns without a database default must be given; JSON and instants are bound parameters.
    assertThat(
            exec(
                "INSERT INTO memories (user_id, title, text, media_type, media_file, metrics_json,"
                    + " created_at, updated_at) VALUES (1, '..', '..', 'text', '', %s, %s, %s)",
                Map.of(), now, now))
        .isEqualTo(1);
    assertThat(exec("UPDATE memories SET title = 'Updated' WHERE id = 6")).isEqualTo(1);
    assertThat(exec("DELETE FROM memories WHERE id = 1")).isEqualTo(1);
    assertThat(Memory.objects.get("id", 6).title).isEqualTo("Updated");
    assertThat(Memory.objects.count()).isEqualTo(5);
  }

  // ------------------------------------------------------------------ SELECT queries

  @Order(3)
  @DbTest
  void selectQueriesWithTheOrm() {
    seed();
    // SELECT * FROM memories;
    var all = Memory.objects.all();
    // SELECT id, title, created_at FROM memories;
    var columns = Memory.objects.values("id", "title", "createdAt");
    // SELECT * FROM memories WHERE user_id = 1;
    var byUser = Memory.objects.filter("user", 1);
    // ... WHERE user_id = 1 AND analysis_status = 'done';
    var byUserDone = Memory.objects.filter("user", 1, "analysisStatus", "done");
    // ... WHERE media_type = 'photo' OR media_type = 'audio';
    var photoOrAudio =
        Memory.objects.filter(Q.of("mediaType", "photo").or(Q.of("mediaType", "audio")));
    // ... WHERE title LIKE '%vacation%';
    var like = Memory.objects.filter("title__contains", "vacation");
    // ... ORDER BY created_at DESC;
    var newestFirst = Memory.objects.orderBy("-createdAt");
    // ... LIMIT 20;
    var firstPage = Memory.objects.all().slice(0, 20);
    // ... LIMIT 20 OFFSET 40; -- page 3
    var thirdPage = Memory.objects.all().slice(40, 60);

    GuideSql.record("select.all", all.query());
    GuideSql.record("select.columns", columns.query());
    GuideSql.record("select.where", byUser.query());
    GuideSql.record("select.and", byUserDone.query());
    GuideSql.record("select.or", photoOrAudio.query());
    GuideSql.record("select.like", like.query());
    GuideSql.record("select.orderBy", newestFirst.query());
    GuideSql.record("select.limit", firstPage.query());
    GuideSql.record("select.offset", thirdPage.query());

    assertThat(ids(all)).isEqualTo(GuideData.NEWEST_FIRST);
    assertThat(columns.list())
        .first()
        .isEqualTo(
            Map.of(
                "id",
                4L,
                "title",
                "Vacation plans",
                "createdAt",
                Instant.parse("2024-12-10T08:15:00Z")));
    assertThat(ids(byUser)).containsExactly(2L, 1L, 3L);
    assertThat(ids(byUserDone)).containsExactly(1L);
    assertThat(ids(photoOrAudio)).containsExactly(2L, 1L, 3L);
    assertThat(ids(like)).containsExactly(2L); // case-sensitive: not "Vacation plans"
    assertThat(ids(newestFirst)).isEqualTo(GuideData.NEWEST_FIRST);
    assertThat(firstPage.list()).hasSize(5);
    assertThat(thirdPage.list()).isEmpty();
  }

  @Order(4)
  @DbTest
  void selectQueriesWithACursor() {
    seed();
    assertThat(rows("SELECT * FROM memories")).hasSize(5);
    assertThat(rows("SELECT id, title, created_at FROM memories")).hasSize(5);
    assertThat(rows("SELECT * FROM memories WHERE user_id = 1")).hasSize(3);
    assertThat(rows("SELECT * FROM memories WHERE user_id = 1 AND analysis_status = 'done'"))
        .hasSize(1);
    assertThat(rows("SELECT * FROM memories WHERE media_type = 'photo' OR media_type = 'audio'"))
        .hasSize(3);
    // A literal percent sign is written %% (a lone % is refused: %s marks a parameter).
    assertThat(rows("SELECT * FROM memories WHERE title LIKE '%%vacation%%'")).hasSize(1);
    assertThat(rows("SELECT * FROM memories WHERE title LIKE %s", "%vacation%")).hasSize(1);
    assertThatThrownBy(() -> rows("SELECT * FROM memories WHERE title LIKE '%vacation%'"))
        .hasMessageContaining("%%");
    assertThat(rows("SELECT id FROM memories ORDER BY created_at DESC"))
        .extracting(r -> ((Number) r[0]).longValue())
        .isEqualTo(GuideData.NEWEST_FIRST);
    assertThat(rows("SELECT * FROM memories LIMIT 20")).hasSize(5);
    assertThat(rows("SELECT * FROM memories LIMIT 20 OFFSET 40")).isEmpty();
  }

  // ------------------------------------------------------------------ INSERT, UPDATE, DELETE

  @Order(5)
  @DbTest
  void insertUpdateDeleteWithTheOrm() {
    seed();
    User user = data.demo();
    // INSERT
    Memory beachDay =
        GuideSql.capture(
            "insert.one",
            () ->
                Memory.objects.create(
                    "user", user,
                    "title", "Beach Day",
                    "text", "Had fun at the beach",
                    "mediaType", MediaType.TEXT,
                    "mediaFile", ""));
    // INSERT multiple rows
    Memory one = new Memory();
    one.user.set(user);
    one.title = "Memory 1";
    one.text = "Text 1";
    one.mediaType = MediaType.TEXT;
    one.mediaFile = "";
    Memory two = new Memory();
    two.user.set(user);
    two.title = "Memory 2";
    two.text = "Text 2";
    two.mediaType = MediaType.TEXT;
    two.mediaFile = "";
    GuideSql.capture("insert.many", () -> Memory.objects.bulkCreate(List.of(one, two)));
    // UPDATE
    long renamed =
        GuideSql.capture(
            "update.one",
            () ->
                Memory.objects
                    .filter("id", 5)
                    .update("title", "Updated Title", "text", "New content"));
    // UPDATE with condition
    long pending =
        GuideSql.capture(
            "update.where",
            () ->
                Memory.objects
                    .filter("analysisStatus__isnull", true)
                    .update("analysisStatus", AnalysisStatus.PENDING));
    // DELETE
    long deletedOne =
        GuideSql.capture("delete.one", () -> Memory.objects.filter("id", 5).delete().total());
    // DELETE with condition
    long deletedOld =
        GuideSql.capture(
            "delete.where",
            () ->
                Memory.objects
                    .filter("user", 1, "createdAt__lt", LocalDate.of(2024, 1, 1))
                    .delete()
                    .total());

    assertThat(beachDay.id).isEqualTo(6L);
    assertThat(List.of(one.id, two.id)).containsExactly(7L, 8L);
    assertThat(renamed).isEqualTo(1);
    assertThat(pending).isEqualTo(4); // "Voice note" and the three new rows
    assertThat(deletedOne).isEqualTo(1);
    assertThat(deletedOld).isEqualTo(1); // "Voice note", 2023-12-24
    assertThat(Memory.objects.filter("id__in", List.of(3, 5)).exists()).isFalse();
    assertThat(Memory.objects.count()).isEqualTo(6);
  }

  @Order(6)
  @DbTest
  void insertUpdateDeleteWithACursor() {
    seed();
    Instant now = Instant.now();
    String columns =
        "(user_id, title, text, media_type, media_file, metrics_json, created_at, updated_at)";
    assertThat(
            exec(
                "INSERT INTO memories "
                    + columns
                    + " VALUES (1, 'Beach Day', 'Had fun at the beach', 'text', '', %s, %s, %s)",
                Map.of(),
                now,
                now))
        .isEqualTo(1);
    assertThat(
            exec(
                "INSERT INTO memories "
                    + columns
                    + " VALUES (1, 'Memory 1', 'Text 1', 'text', '', %s, %s, %s),"
                    + " (1, 'Memory 2', 'Text 2', 'text', '', %s, %s, %s)",
                Map.of(),
                now,
                now,
                Map.of(),
                now,
                now))
        .isEqualTo(2);
    assertThat(
            exec("UPDATE memories SET title = 'Updated Title', text = 'New content' WHERE id = 5"))
        .isEqualTo(1);
    assertThat(
            exec("UPDATE memories SET analysis_status = 'pending' WHERE analysis_status IS NULL"))
        .isEqualTo(4);
    assertThat(exec("DELETE FROM memories WHERE id = 5")).isEqualTo(1);
    assertThat(
            exec(
                "DELETE FROM memories WHERE user_id = 1 AND created_at < %s",
                Instant.parse("2024-01-01T00:00:00Z")))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM memories")).isEqualTo(6);
    assertThat(Memory.objects.get("title", "Memory 2").text).isEqualTo("Text 2");
  }

  // ------------------------------------------------------------------ ACID

  @Order(7)
  @DbTest
  void acidTransferIsAllOrNothing() {
    Account.objects.create("owner", "ada", "balance", 500);
    Account.objects.create("owner", "bob", "balance", 100);

    GuideSql.run(
        "acid.transfer",
        () ->
            Transaction.atomic(
                () -> {
                  Account.objects.filter("id", 1).update("balance", F.of("balance").minus(100));
                  Account.objects.filter("id", 2).update("balance", F.of("balance").plus(100));
                }));
    assertThat(Account.objects.get("id", 1).balance).isEqualTo(400);
    assertThat(Account.objects.get("id", 2).balance).isEqualTo(200);

    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Account.objects.filter("id", 1).update("balance", F.of("balance").minus(100));
                      throw new IllegalStateException("crash before the second update");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Account.objects.get("id", 1).balance).isEqualTo(400); // rolled back
  }

  @Order(8)
  @DbTest
  void acidTransferWithACursor() {
    Account.objects.create("owner", "ada", "balance", 500);
    Account.objects.create("owner", "bob", "balance", 100);
    // BEGIN ... COMMIT is Transaction.atomic; never send BEGIN yourself.
    Transaction.atomic(
        () -> {
          exec("UPDATE accounts SET balance = balance - 100 WHERE id = 1");
          exec("UPDATE accounts SET balance = balance + 100 WHERE id = 2");
        });
    assertThat(count("SELECT balance FROM accounts WHERE id = 1")).isEqualTo(400);
    assertThat(count("SELECT balance FROM accounts WHERE id = 2")).isEqualTo(200);
  }
}
