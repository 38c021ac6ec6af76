package io.vibevault.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.ConnectionHandler;
import io.vibevault.orm.testkit.models.Book;
import io.vibevault.orm.testkit.models.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small {@code @DatabaseTest} classes through the JUnit engine over the fake backend and
 * checks what the kit did: one database per class and vendor, tables in order, a flush after each
 * test, the {@code default} link only during a test, the drop after the class, and the skip and
 * failure decisions. The fixture classes are static nested classes, which neither Surefire nor
 * JUnit runs on their own.
 */
class DatabaseExtensionTest {
  /** A port nothing listens on: connecting is refused at once. */
  private static final String CLOSED = "://nobody@127.0.0.1:1/test";

  static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  @AfterEach
  void reset() {
    FakeBackend.reset();
    SEEN.clear();
  }

  private static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
    var kit = EngineTestKit.engine("junit-jupiter");
    for (Class<?> c : classes) {
      kit = kit.selectors(selectClass(c));
    }
    return kit.configurationParameters(parameters).execute();
  }

  private static EngineExecutionResults runOn(String databases, Class<?>... classes) {
    return run(Map.of("vibevault.test.databases", databases), classes);
  }

  private static String failure(Event event) {
    return event
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .map(Throwable::getMessage)
        .orElse("");
  }

  private static Map<String, String> skipReasons(Events events) {
    return events.skipped().stream()
        .collect(
            Collectors.toMap(
                e -> e.getTestDescriptor().getLegacyReportingName(),
                e -> e.getRequiredPayload(String.class)));
  }

  private static void assertAllSucceeded(EngineExecutionResults results, int expected) {
    List<String> failures =
        results.allEvents().failed().stream().map(DatabaseExtensionTest::failure).toList();
    assertThat(failures).isEmpty();
    results.testEvents().assertStatistics(s -> s.succeeded(expected).failed(0).skipped(0));
  }

  @DatabaseTest(models = Book.class)
  static class TwoTests {
    @DbTest
    void first(TestDatabase db) {
      see(db);
    }

    @DbTest
    void second(TestDatabase db) {
      see(db);
    }

    private static void see(TestDatabase db) {
      assertThat(Database.connection().alias()).isEqualTo(db.alias());
      assertThat(db.connection().alias()).isEqualTo(db.alias());
      assertThat(db.vendor()).isEqualTo("sqlite");
      assertThat(db.features()).isNotNull();
      assertThat(FakeBackend.events("flush")).hasSizeLessThan(2);
      SEEN.add(db.alias() + " " + db.settings().name());
    }
  }

  @Test
  void oneDatabasePerClassWithItsTablesFlushedAfterEachTestAndDroppedAfterTheClass() {
    EngineExecutionResults results = runOn("sqlite", TwoTests.class);

    assertAllSucceeded(results, 2);
    assertThat(results.testEvents().succeeded().stream())
        .allMatch(e -> e.getTestDescriptor().getDisplayName().equals("[sqlite]"));
    List<String> created = FakeBackend.events("create");
    assertThat(created).singleElement().asString().matches("vv_t_[0-9a-f]{8}_[0-9a-f]{8}");
    assertThat(FakeBackend.events("createModel"))
        .containsExactly("kit_author", "kit_tags", "kit_book");
    String join =
        io.vibevault.orm.model.ModelMeta.of(Book.class)
            .field("tags")
            .relation()
            .through()
            .dbTable();
    assertThat(FakeBackend.events("flush"))
        .containsExactly(
            "kit_author,kit_tags,kit_book," + join, "kit_author,kit_tags,kit_book," + join);
    assertThat(FakeBackend.events("destroy")).containsExactly(created.get(0) + ".sqlite3");
    assertThat(Set.copyOf(SEEN))
        .singleElement()
        .asString()
        .matches("test_sqlite_\\d+ " + created.get(0) + "\\.sqlite3");
    String alias = SEEN.get(0).split(" ")[0];
    assertThat(Database.aliases()).doesNotContain(alias);
    assertThat(ConnectionHandler.get().isConfigured(Database.DEFAULT)).isFalse();
    assertThat(FakeBackend.EVENTS.get(FakeBackend.EVENTS.size() - 1)).startsWith("destroy ");
  }

  @DatabaseTest(models = {Tag.class, Book.class})
  static class SameModels {
    @DbTest
    void runs(TestDatabase db) {
      SEEN.add(db.alias());
    }
  }

  @Test
  void classesSharingModelsGetADatabaseEach() {
    EngineExecutionResults results = runOn("sqlite", TwoTests.class, SameModels.class);

    assertAllSucceeded(results, 3);
    List<String> created = FakeBackend.events("create");
    assertThat(created).hasSize(2).doesNotHaveDuplicates();
    assertThat(FakeBackend.events("destroy")).hasSize(2);
    assertThat(new HashSet<>(SEEN)).hasSize(2);
  }

  @DatabaseTest(models = Tag.class)
  static class OneTest {
    @DbTest
    void runs() {}
  }

  @Test
  void aRequiredServerThatDoesNotAnswerFailsItsInvocations() {
    EngineExecutionResults results =
        run(
            Map.of(
                "vibevault.test.databases",
                "sqlite,postgresql",
                "vibevault.test.postgresql.url",
                "postgresql" + CLOSED),
            OneTest.class);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    Event failed = results.testEvents().failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("[postgresql]");
    assertThat(failure(failed))
        .startsWith(
            "VIBEVAULT_TEST_DATABASES requires postgresql, which is not available: nothing answers at 127.0.0.1:1")
        .contains("VIBEVAULT_TEST_POSTGRESQL_URL");
    assertThat(FakeBackend.events("create")).hasSize(1);
  }

  @Test
  void withoutASelectionServersThatDoNotAnswerAreSkipped() {
    EngineExecutionResults results =
        run(
            Map.of(
                "vibevault.test.postgresql.url", "postgresql" + CLOSED,
                "vibevault.test.mariadb.url", "mariadb" + CLOSED),
            OneTest.class);

    results.testEvents().assertStatistics(s -> s.succeeded(1).skipped(2).failed(0));
    assertThat(results.testEvents().skipped().stream())
        .extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactly("[postgresql]", "[mariadb]");
    assertThat(skipReasons(results.testEvents()).values())
        .allMatch(r -> r.contains("is not available: nothing answers at 127.0.0.1:1"));
  }

  @Test
  void aServerWhoseBackendIsMissingIsNotAvailable() {
    // The port answers when a PostgreSQL server runs here; either way no postgresql backend is on
    // the kit's test class path, so the probe must report it rather than fail later.
    EngineExecutionResults results =
        run(Map.of("vibevault.test.databases", "postgresql"), OneTest.class);

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(failure(results.testEvents().failed().list().get(0)))
        .startsWith("VIBEVAULT_TEST_DATABASES requires postgresql, which is not available: ");
  }

  @DatabaseTest(models = Tag.class)
  static class Rules {
    @DbTest
    @RequiresFeature("hasSelectForUpdate")
    void lockable() {}

    @DbTest
    @RequiresFeature("hasSelectForUpdateSkipLocked")
    void skipLocked() {}

    @DbTest
    @RequiresFeature("hasTimeTravel")
    void typo() {}

    @DbTest
    @OnlyOn("postgresql")
    void postgresOnly() {}

    @DbTest
    @SkipOn(value = "sqlite", reason = "no row locks")
    void notOnSqlite() {}
  }

  @Test
  void invocationsAreSkippedByFeatureAndVendor() {
    FakeBackend.TRUE_FEATURES.add("hasSelectForUpdate");

    EngineExecutionResults results = runOn("sqlite", Rules.class);

    results.testEvents().assertStatistics(s -> s.succeeded(1).skipped(3).failed(1));
    assertThat(results.testEvents().succeeded().stream())
        .extracting(e -> e.getTestDescriptor().getLegacyReportingName())
        .containsExactly("lockable()[1]");
    assertThat(skipReasons(results.testEvents()))
        .containsEntry(
            "skipLocked()[1]", "sqlite lacks @RequiresFeature [hasSelectForUpdateSkipLocked]")
        .containsEntry("postgresOnly()[1]", "@OnlyOn(postgresql): not run on sqlite")
        .containsEntry("notOnSqlite()[1]", "@SkipOn(sqlite): no row locks");
    assertThat(failure(results.testEvents().failed().list().get(0)))
        .contains("@RequiresFeature(\"hasTimeTravel\") names no boolean feature");
  }

  static class WithoutDatabaseTest {
    @DbTest
    void runs() {}
  }

  @Test
  void dbTestWithoutDatabaseTestSaysWhatIsMissing() {
    EngineExecutionResults results = runOn("sqlite", WithoutDatabaseTest.class);

    assertThat(results.containerEvents().failed().stream().map(DatabaseExtensionTest::failure))
        .singleElement()
        .asString()
        .contains("@DbTest method runs needs @DatabaseTest(models = {...}) on ")
        .contains("WithoutDatabaseTest");
  }

  @DatabaseTest(models = Book.class)
  static class BrokenTables {
    @DbTest
    void first() {}

    @DbTest
    void second() {}
  }

  @Test
  void aTableThatCannotBeCreatedFailsTheClassOnceAndLeavesNothing() {
    FakeBackend.failingTable = "kit_book";

    EngineExecutionResults results = runOn("sqlite", BrokenTables.class);

    results.testEvents().assertStatistics(s -> s.failed(2));
    assertThat(results.testEvents().failed().stream().map(DatabaseExtensionTest::failure))
        .allMatch(m -> m.startsWith("Cannot create the tables [kit_author, kit_tags, kit_book"))
        .allMatch(m -> m.contains("table kit_book refused"));
    assertThat(FakeBackend.events("create")).hasSize(1);
    assertThat(FakeBackend.events("flush")).isEmpty();
    assertThat(FakeBackend.events("destroy")).hasSize(1);
    assertThat(ConnectionHandler.get().isConfigured(Database.DEFAULT)).isFalse();
  }

  @DatabaseTest(models = Tag.class)
  static class FailingTest {
    @DbTest
    void fails() {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void aFailedTestIsStillFlushedAndUnlinked() {
    EngineExecutionResults results = runOn("sqlite", FailingTest.class);

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(FakeBackend.events("flush")).containsExactly("kit_tags");
    assertThat(FakeBackend.events("destroy")).hasSize(1);
    assertThat(ConnectionHandler.get().isConfigured(Database.DEFAULT)).isFalse();
  }

  @DatabaseTest(models = Tag.class)
  static class Outer {
    @DbTest
    void outer(TestDatabase db) {
      SEEN.add(db.alias());
    }

    @Nested
    class Inner {
      @DbTest
      void inner(TestDatabase db) {
        SEEN.add(db.alias());
      }
    }
  }

  @Test
  void aNestedClassGetsItsOwnDatabaseWithTheEnclosingModels() {
    EngineExecutionResults results = runOn("sqlite", Outer.class);

    assertAllSucceeded(results, 2);
    assertThat(new HashSet<>(SEEN)).hasSize(2);
    assertThat(FakeBackend.events("createModel")).containsExactly("kit_tags", "kit_tags");
    assertThat(FakeBackend.events("destroy")).hasSize(2);
  }

  static final java.util.concurrent.atomic.AtomicInteger RUNNING =
      new java.util.concurrent.atomic.AtomicInteger();
  static final java.util.concurrent.atomic.AtomicInteger MOST_AT_ONCE =
      new java.util.concurrent.atomic.AtomicInteger();

  static void overlapProbe() throws InterruptedException {
    MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
    Thread.sleep(50);
    RUNNING.decrementAndGet();
  }

  @DatabaseTest(models = Tag.class)
  static class ParallelA {
    @DbTest
    void one() throws InterruptedException {
      overlapProbe();
    }

    @DbTest
    void two() throws InterruptedException {
      overlapProbe();
    }
  }

  @DatabaseTest(models = Tag.class)
  static class ParallelB {
    @DbTest
    void one() throws InterruptedException {
      overlapProbe();
    }

    @DbTest
    void two() throws InterruptedException {
      overlapProbe();
    }
  }

  @Test
  void databaseTestsNeverOverlapEvenWithParallelExecution() {
    MOST_AT_ONCE.set(0);

    EngineExecutionResults results =
        run(
            Map.of(
                "vibevault.test.databases", "sqlite",
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"),
            ParallelA.class,
            ParallelB.class);

    assertAllSucceeded(results, 4);
    assertThat(MOST_AT_ONCE.get()).isEqualTo(1);
  }

  @Test
  void databaseNamesAreShortLowerCaseAndDistinct() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      names.add(IsolatedDatabase.uniqueName(DatabaseExtensionTest.class));
    }

    assertThat(names).hasSizeGreaterThan(95);
    assertThat(names).allMatch(n -> n.matches("vv_t_[0-9a-f]{8}_[0-9a-f]{8}") && n.length() <= 40);
    assertThat(names.stream().map(n -> n.substring(0, 13)).distinct()).hasSize(1);
  }
}
