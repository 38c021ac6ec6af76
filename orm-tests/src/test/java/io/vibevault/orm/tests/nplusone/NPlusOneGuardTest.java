package io.vibevault.orm.tests.nplusone;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vibevault.orm.NPlusOneGuard;
import io.vibevault.orm.NPlusOneGuard.Mode;
import io.vibevault.orm.exception.NPlusOneError;
import io.vibevault.orm.exception.OrmException;
import io.vibevault.orm.query.ResultIterator;
import io.vibevault.orm.testkit.AllowNPlusOne;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The N+1 guard: rows of one QuerySet loading the same relation one by one are noticed; a warning
 * names model, relation, caller and fix, strict mode (the testkit's default) raises before the
 * extra query. The examples of docs/loading.md "The N+1 guard" are the first tests here.
 */
@DatabaseTest(models = {Town.class, Writer.class, Label.class, Note.class})
class NPlusOneGuardTest {

  /** ann and bob each wrote notes; every note has the label "work". */
  private void data() {
    Town oslo = Town.objects.create("name", "oslo");
    Writer ann = Writer.objects.create("name", "ann", "town", oslo);
    Writer bob = Writer.objects.create("name", "bob", "town", oslo);
    Label work = Label.objects.create("name", "work");
    for (Object[] n : new Object[][] {{"one", ann}, {"two", bob}, {"three", ann}}) {
      Note note = Note.objects.create("title", n[0], "writer", n[1]);
      note.labels.add(work);
    }
  }

  /** Runs {@code action} with the guard's warnings captured. */
  private static List<String> warnings(Runnable action) {
    Logger logger = (Logger) LoggerFactory.getLogger(NPlusOneGuard.LOGGER);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      action.run();
    } finally {
      logger.detachAppender(appender);
    }
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : appender.list) {
      assertThat(e.getLevel().toString()).isEqualTo("WARN");
      out.add(e.getFormattedMessage());
    }
    return out;
  }

  private static <T> T warn(Supplier<T> action) {
    try (var warn = NPlusOneGuard.override(Mode.WARN, NPlusOneGuard.DEFAULT_THRESHOLD)) {
      return action.get();
    }
  }

  // ------------------------------------------------------------------ docs/loading.md

  @DbTest
  void docsStrictModeRaisesAtTheSecondRowBeforeItsQuery() {
    data();
    List<Note> notes = Note.objects.orderBy("id").list();
    assertNumQueries(1, () -> notes.get(0).writer.get()); // one lazy load is fine
    NPlusOneError error =
        assertNumQueries(
            0,
            () -> {
              try {
                notes.get(1).writer.get();
                throw new AssertionError("NPlusOneError expected");
              } catch (NPlusOneError e) {
                return e;
              }
            });
    assertThat(error).isInstanceOf(OrmException.class);
    assertThat(error.model()).isEqualTo("Note");
    assertThat(error.relation()).isEqualTo("writer");
    assertThat(error.fix()).isEqualTo("selectRelated(\"writer\")");
    assertThat(error.getMessage())
        .contains("Note.writer")
        .contains("selectRelated(\"writer\")")
        .contains("NPlusOneGuardTest.java:");
    assertThat(notes.get(1).writer.isLoaded()).isFalse();
  }

  @DbTest
  void docsTheFixesNeedNoLazyLoadAtAll() {
    data();
    List<String> out = new ArrayList<>();
    assertNumQueries(
        1,
        () -> {
          for (Note n : Note.objects.selectRelated("writer").orderBy("id")) {
            out.add(n.title + " by " + n.writer.get().name);
          }
        });
    assertNumQueries(
        2,
        () -> {
          for (Note n : Note.objects.prefetchRelated("labels").orderBy("id")) {
            out.add(n.title + ": " + n.labels.all().list().get(0).name);
          }
        });
    assertThat(out)
        .containsExactly(
            "one by ann", "two by bob", "three by ann", "one: work", "two: work", "three: work");
  }

  @DbTest
  @AllowNPlusOne("shows the warning the guard logs outside strict mode")
  void docsTheWarningNamesModelRelationCallerAndFix() {
    data();
    List<String> logged =
        warnings(
            () ->
                assertNumQueries(
                    4,
                    () -> {
                      for (Note n : Note.objects.orderBy("id")) {
                        assertThat(n.writer.get().name).isNotNull();
                      }
                    }));
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0))
        .contains("N+1 queries")
        .contains("Note.writer")
        .contains("NPlusOneGuardTest")
        .contains("NPlusOneGuardTest.java:")
        .contains(".selectRelated(\"writer\")")
        .doesNotContain("io.vibevault.orm.query.")
        .doesNotContain("io.vibevault.orm.model.");
  }

  // ------------------------------------------------------------------ many-to-many

  @DbTest
  void manyToManyAllPerRowRaisesWithPrefetchRelatedAsTheFix() {
    data();
    List<Note> notes = Note.objects.orderBy("id").list();
    assertThat(notes.get(0).labels.all().list()).hasSize(1);
    assertNoQueries(
        () ->
            assertThatThrownBy(() -> notes.get(1).labels.all().list())
                .isInstanceOf(NPlusOneError.class)
                .hasMessageContaining("Note.labels")
                .hasMessageContaining("prefetchRelated(\"labels\")"));
  }

  @DbTest
  void manyToManyWarningIsLoggedOncePerResultSet() {
    data();
    List<String> logged =
        warnings(
            () ->
                warn(
                    () -> {
                      for (Note n : Note.objects.orderBy("id")) {
                        assertThat(n.labels.all().count()).isEqualTo(1);
                        assertThat(n.labels.list()).hasSize(1);
                      }
                      return null;
                    }));
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0)).contains("Note.labels").contains(".prefetchRelated(\"labels\")");
  }

  @DbTest
  void oneRowReadingItsManyToManyTwiceIsNotNPlusOne() {
    data();
    List<Note> notes = Note.objects.orderBy("id").list();
    assertThat(notes.get(0).labels.all().count()).isEqualTo(1);
    assertThat(notes.get(0).labels.list()).hasSize(1);
  }

  @DbTest
  void docsObjectsLoadedBySelectRelatedShareTheirRowsResultSet() {
    data();
    List<Note> notes = Note.objects.selectRelated("writer").orderBy("id").list();
    assertThat(notes.get(0).writer.get().town.get().name).isEqualTo("oslo");
    NPlusOneError error =
        assertNumQueries(
            0,
            () -> {
              try {
                notes.get(1).writer.get().town.get();
                throw new AssertionError("NPlusOneError expected");
              } catch (NPlusOneError e) {
                return e;
              }
            });
    assertThat(error.model()).isEqualTo("Note");
    assertThat(error.relation()).isEqualTo("writer__town");
    assertThat(error.fix()).isEqualTo("selectRelated(\"writer__town\")");
    List<String> towns = new ArrayList<>();
    assertNumQueries(
        1,
        () -> {
          for (Note n : Note.objects.selectRelated("writer__town").orderBy("id")) {
            towns.add(n.writer.get().town.get().name);
          }
        });
    assertThat(towns).containsExactly("oslo", "oslo", "oslo");
  }

  // ------------------------------------------------------------------ what does not count

  @DbTest
  void belowTheThresholdNothingIsLogged() {
    data();
    List<Note> notes = Note.objects.orderBy("id").list();
    List<String> logged =
        warnings(
            () -> {
              try (var guard = NPlusOneGuard.override(Mode.WARN, 3)) {
                notes.get(0).writer.get();
                notes.get(1).writer.get();
              }
            });
    assertThat(logged).isEmpty();
    List<String> atThreshold =
        warnings(
            () -> {
              try (var guard = NPlusOneGuard.override(Mode.WARN, 3)) {
                notes.get(2).writer.get();
              }
            });
    assertThat(atThreshold).hasSize(1);
    assertThat(atThreshold.get(0)).contains("3 lazy loads");
  }

  @DbTest
  void selectRelatedAndPrefetchRelatedNeverTrip() {
    data();
    List<String> logged =
        warnings(
            () ->
                warn(
                    () -> {
                      for (Note n :
                          Note.objects.selectRelated("writer").prefetchRelated("labels")) {
                        n.writer.get();
                        n.labels.all().list();
                      }
                      return null;
                    }));
    assertThat(logged).isEmpty();
  }

  @DbTest
  void singleObjectsNeverTrip() {
    data();
    List<Long> ids =
        Note.objects.orderBy("id").valuesList("id").flat().list().stream()
            .map(v -> ((Number) v).longValue())
            .toList();
    assertThat(ids).hasSize(3);
    List<String> names = new ArrayList<>();
    for (Long id : ids) {
      Note n = Note.objects.get("id", id);
      names.add(n.writer.get().name);
      n.labels.all().list();
    }
    Note first = Note.objects.orderBy("id").first().orElseThrow();
    names.add(first.writer.get().name);
    assertThat(names).containsExactly("ann", "bob", "ann", "ann");
  }

  @DbTest
  void differentQuerySetsAreDifferentResultSets() {
    data();
    Note a = Note.objects.orderBy("id").list().get(0);
    Note b = Note.objects.orderBy("id").list().get(1);
    assertThat(a.writer.get().name).isEqualTo("ann");
    assertThat(b.writer.get().name).isEqualTo("bob");
  }

  @DbTest
  void streamedRowsShareOneResultSet() {
    data();
    try (ResultIterator<Note> rows = Note.objects.orderBy("id").iterator(2)) {
      rows.next().writer.get();
      Note second = rows.next();
      assertThatThrownBy(() -> second.writer.get()).isInstanceOf(NPlusOneError.class);
    }
  }

  // ------------------------------------------------------------------ the off switch

  @DbTest
  void theThreadOverrideOffSwitchSilencesTheGuard() {
    data();
    List<String> logged =
        warnings(
            () -> {
              try (var off = NPlusOneGuard.override(Mode.OFF)) {
                for (Note n : Note.objects.orderBy("id")) {
                  n.writer.get();
                  n.labels.all().list();
                }
              }
            });
    assertThat(logged).isEmpty();
  }

  @DbTest
  @AllowNPlusOne("switches the process-wide guard off and on")
  void theProcessWideOffSwitchAndThreshold() {
    data();
    assertThat(NPlusOneGuard.mode()).isEqualTo(Mode.WARN);
    try {
      NPlusOneGuard.setMode(Mode.OFF);
      List<String> off =
          warnings(
              () -> {
                for (Note n : Note.objects.orderBy("id")) {
                  n.writer.get();
                }
              });
      assertThat(off).isEmpty();
      NPlusOneGuard.setMode(Mode.WARN);
      NPlusOneGuard.setThreshold(4);
      List<String> high =
          warnings(
              () -> {
                for (Note n : Note.objects.orderBy("id")) {
                  n.writer.get();
                }
              });
      assertThat(high).isEmpty();
    } finally {
      NPlusOneGuard.setMode(Mode.WARN);
      NPlusOneGuard.setThreshold(NPlusOneGuard.DEFAULT_THRESHOLD);
    }
  }

  @DbTest
  void scopesNestAndRestore() {
    assertThat(NPlusOneGuard.mode()).isEqualTo(Mode.STRICT); // the testkit's default
    try (var warn = NPlusOneGuard.override(Mode.WARN, 5)) {
      try (var off = NPlusOneGuard.override(Mode.OFF)) {
        assertThat(NPlusOneGuard.current()).isEqualTo(new NPlusOneGuard.Settings(Mode.OFF, 5));
      }
      assertThat(NPlusOneGuard.current()).isEqualTo(new NPlusOneGuard.Settings(Mode.WARN, 5));
    }
    assertThat(NPlusOneGuard.mode()).isEqualTo(Mode.STRICT);
    assertThatThrownBy(() -> NPlusOneGuard.setThreshold(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
