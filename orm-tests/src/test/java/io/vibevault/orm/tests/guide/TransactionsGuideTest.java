package io.vibevault.orm.tests.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.model.Signals;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.QueryAssertions;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Transactions": the decorator, the context manager, savepoints. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionsGuideTest {

  // @transaction.atomic
  // def create_user_with_memory(data): ...
  static User createUserWithMemory(Map<String, Object> data) {
    return Transaction.atomic(
        () -> {
          User user = User.objects.create(data);
          Memory.objects.create(
              "user",
              user,
              "title",
              "Welcome",
              "text",
              "",
              "mediaType",
              MediaType.TEXT,
              "mediaFile",
              "");
          return user;
        });
  }

  // def update_memories(user, new_status):
  //     with transaction.atomic(): ...
  static void updateMemories(User user, AnalysisStatus newStatus) {
    Transaction.atomic(
        () -> {
          List<Memory> memories = Memory.objects.selectForUpdate().filter("user", user).list();
          for (Memory memory : memories) {
            memory.analysisStatus = newStatus;
            memory.save();
          }
          // All updates committed together
        });
  }

  @Order(1)
  @DbTest
  void atomicFunction() {
    User ada =
        GuideSql.capture("atomic.function", () -> createUserWithMemory(Map.of("username", "ada")));
    assertThat(Memory.objects.get("user", ada).title).isEqualTo("Welcome");

    // If the second create fails, the first is rolled back.
    Runnable disconnect =
        Signals.preSave(
            Memory.class,
            e -> {
              throw new IllegalStateException("the memory could not be saved");
            });
    try {
      assertThatThrownBy(() -> createUserWithMemory(Map.of("username", "bob")))
          .isInstanceOf(IllegalStateException.class);
    } finally {
      disconnect.run();
    }
    assertThat(User.objects.filter("username", "bob").exists()).isFalse();
    assertThat(User.objects.count()).isEqualTo(1);
  }

  @Order(2)
  @DbTest
  void atomicBlockWithSelectForUpdate() {
    GuideData data = GuideData.seed();
    List<CapturedQuery> ran =
        Database.captureQueries(() -> updateMemories(data.demo(), AnalysisStatus.DONE));
    GuideSql.run("atomic.selectForUpdate", () -> updateMemories(data.demo(), AnalysisStatus.DONE));

    assertThat(Memory.objects.filter("user", data.demo(), "analysisStatus", "done").count())
        .isEqualTo(3);
    List<String> counted = new ArrayList<>();
    ran.stream().filter(q -> !q.isTransactionControl()).forEach(q -> counted.add(q.sql()));
    assertThat(counted).hasSize(4); // one locking SELECT, three UPDATEs
    boolean locks = Database.connection().backend().features().hasSelectForUpdate();
    // SQLite has no row locks (a write transaction locks the database): no FOR UPDATE there.
    assertThat(counted.get(0).contains("FOR UPDATE")).isEqualTo(locks);

    // Outside a transaction the lock would be released at once: refused before any SQL.
    QueryAssertions.assertNoQueries(
        () ->
            assertThatThrownBy(
                    () -> Memory.objects.selectForUpdate().filter("user", data.demo()).list())
                .isInstanceOf(TransactionManagementError.class));
  }

  @Order(3)
  @DbTest
  void savepoints() {
    User user = User.objects.create("username", "demo");
    GuideSql.run(
        "savepoints",
        () ->
            Transaction.atomic(
                () -> {
                  Memory.objects.create(
                      "user",
                      user,
                      "title",
                      "First",
                      "text",
                      "",
                      "mediaType",
                      MediaType.TEXT,
                      "mediaFile",
                      "");
                  try {
                    Transaction.atomic(
                        () -> {
                          Memory.objects.create(
                              "user",
                              user,
                              "title",
                              "Second",
                              "text",
                              "",
                              "mediaType",
                              MediaType.TEXT,
                              "mediaFile",
                              "");
                          throw new RuntimeException("Rollback this");
                        });
                  } catch (RuntimeException e) {
                    // Second rolled back, First still committed
                  }
                }));
    assertThat(Memory.objects.valuesList("title").flat().list()).containsExactly("First");
  }

  @Order(4)
  @DbTest
  void onCommitRunsAfterTheOutermostCommit() {
    List<String> events = new ArrayList<>();
    Transaction.atomic(
        () -> {
          User.objects.create("username", "ada");
          Transaction.onCommit(() -> events.add("mail ada"));
          try {
            Transaction.atomic(
                () -> {
                  Transaction.onCommit(() -> events.add("never sent"));
                  throw new IllegalStateException();
                });
          } catch (IllegalStateException expected) {
            // the savepoint's hook is dropped with it
          }
          events.add("block done");
        });
    assertThat(events).containsExactly("block done", "mail ada");
  }
}
