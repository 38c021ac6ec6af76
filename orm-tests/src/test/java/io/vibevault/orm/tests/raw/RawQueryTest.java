package io.vibevault.orm.tests.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.query.RawQuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code Manager.raw}: model instances from hand-written SQL, extra columns as annotations,
 * unselected fields deferred, the primary key required, parameters always bound.
 */
@DatabaseTest(models = {User.class, Memory.class})
class RawQueryTest {
  private User ada;
  private User bob;

  @BeforeEach
  void seed() {
    ada = User.objects.create("username", "ada");
    bob = User.objects.create("username", "bob");
    memory(ada, "Trip to Lisbon", "We walked all over Lisbon and ate pasteis", "photo", 5);
    memory(ada, "Rainy day", "Stayed in and read", "text", 2);
    memory(bob, "Concert", "Loud music in old Lisbon town", "audio", 7);
  }

  private static Memory memory(User user, String title, String text, String type, int likes) {
    return Memory.objects.create(
        "user", user, "title", title, "text", text, "mediaType", type, "likeCount", likes);
  }

  /**
   * The guide's raw() snippet: a full-text search returning model instances, in each database's own
   * dialect (MariaDB's MATCH ... AGAINST is the guide's, verbatim).
   */
  @DbTest
  void guideRawFullTextSearch(TestDatabase db) {
    String searchQuery = "lisbon";
    String sql =
        switch (db.vendor()) {
          case "mariadb" -> "SELECT * FROM memories WHERE MATCH(text) AGAINST(%s)";
          case "postgresql" ->
              "SELECT * FROM memories"
                  + " WHERE to_tsvector('english', text) @@ plainto_tsquery('english', %s)";
          default -> "SELECT * FROM memories WHERE LOWER(text) LIKE '%%' || %s || '%%'";
        };
    if (db.vendor().equals("mariadb")) {
      try (Cursor c = Database.connection().cursor()) {
        c.execute("CREATE FULLTEXT INDEX IF NOT EXISTS memories_text_ft ON memories (text)");
      }
    }
    RawQuerySet<Memory> memories = Memory.objects.raw(sql, searchQuery);
    assertThat(memories.list())
        .extracting(m -> m.title)
        .containsExactlyInAnyOrder("Trip to Lisbon", "Concert");
    assertThat(memories.list()).allSatisfy(m -> assertThat(m.deferredFields()).isEmpty());
  }

  @DbTest
  void selectStarBuildsFullInstancesEqualToTheOrmsOwn() {
    Memory viaOrm = Memory.objects.get("title", "Rainy day");
    List<Memory> found =
        Memory.objects.raw("SELECT * FROM memories WHERE id = %s", viaOrm.pk()).list();
    assertThat(found).singleElement().isEqualTo(viaOrm);
    Memory m = found.get(0);
    assertThat(m.title).isEqualTo("Rainy day");
    assertThat(m.text).isEqualTo("Stayed in and read");
    assertThat(m.mediaType).isEqualTo("text");
    assertThat(m.likeCount).isEqualTo(2);
    assertThat(m.user.id()).isEqualTo(ada.pk());
    assertThat(m.deferredFields()).isEmpty();
    assertThat(m.isPersisted()).isTrue();
    assertThat(m.annotations()).isEmpty();
  }

  /** Conformance RAW002's shape: an extra computed column becomes an annotation. */
  @DbTest
  void extraColumnsAreAnnotationsAndUnselectedFieldsAreDeferred() {
    List<Memory> found =
        Memory.objects
            .raw(
                "SELECT id, title, like_count * 2 AS double_likes FROM memories"
                    + " WHERE user_id = %s ORDER BY id",
                ada.pk())
            .list();
    assertThat(found).extracting(m -> m.title).containsExactly("Trip to Lisbon", "Rainy day");
    assertThat(found)
        .extracting(m -> ((Number) m.annotation("double_likes")).longValue())
        .containsExactly(10L, 4L);
    Memory first = found.get(0);
    assertThat(first.isDeferred("title")).isFalse();
    assertThat(first.isDeferred("text")).isTrue();
    assertThat(first.isDeferred("likeCount")).isTrue();
    assertThat(first.isDeferred("user")).isTrue();
    assertThat(first.text).isNull();
    assertThatThrownBy(() -> first.annotation("triple_likes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("double_likes");

    // A deferred field is loaded only when asked, with one query.
    List<CapturedQuery> sent = Database.captureQueries(() -> first.refreshFromDb("text"));
    assertThat(sent).hasSize(1);
    assertThat(first.text).isEqualTo("We walked all over Lisbon and ate pasteis");
    assertThat(first.isDeferred("text")).isFalse();
  }

  @DbTest
  void savingAPartialInstanceWritesOnlyTheLoadedFields() {
    Memory partial =
        Memory.objects
            .raw("SELECT id, title FROM memories WHERE title = %s", "Concert")
            .list()
            .get(0);
    partial.title = "Concert (live)";
    partial.save();
    Memory reloaded = Memory.objects.get("pk", partial.pk());
    assertThat(reloaded.title).isEqualTo("Concert (live)");
    assertThat(reloaded.text).isEqualTo("Loud music in old Lisbon town");
    assertThat(reloaded.likeCount).isEqualTo(7);
    assertThat(reloaded.user.id()).isEqualTo(bob.pk());
  }

  @DbTest
  void columnsMatchFieldsWhateverTheirCase() {
    Memory m =
        Memory.objects
            .raw("SELECT ID, TITLE AS Title FROM memories WHERE title = %s", "Concert")
            .list()
            .get(0);
    assertThat(m.title).isEqualTo("Concert");
    assertThat(m.annotations()).isEmpty();
  }

  @DbTest
  void thePrimaryKeyIsRequired() {
    assertThatThrownBy(() -> Memory.objects.raw("SELECT title, text FROM memories").list())
        .isInstanceOf(FieldError.class)
        .hasMessage("Raw query must include the primary key");
  }

  @DbTest
  void runsOnlyWhenIteratedAndOnce() {
    AtomicReference<RawQuerySet<Memory>> holder = new AtomicReference<>();
    assertThat(
            Database.captureQueries(
                () ->
                    holder.set(
                        Memory.objects.raw(
                            "SELECT * FROM memories WHERE media_type = %s ORDER BY id", "photo"))))
        .isEmpty();
    List<CapturedQuery> sent =
        Database.captureQueries(
            () -> {
              for (int i = 0; i < 2; i++) {
                int n = 0;
                for (Memory m : holder.get()) {
                  n++;
                  assertThat(m.mediaType).isEqualTo("photo");
                }
                assertThat(n).isEqualTo(1);
              }
            });
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).params()).containsExactly("photo");
  }

  @DbTest
  void parametersAreBoundAndPercentSignsEscaped() {
    assertThat(Memory.objects.raw("SELECT * FROM memories WHERE title = %s", "x' OR '1'='1").list())
        .isEmpty();
    memory(bob, "100% fun", "t", "text", 0);
    assertThat(Memory.objects.raw("SELECT * FROM memories WHERE title LIKE '100%%'").list())
        .extracting(m -> m.title)
        .containsExactly("100% fun");
    assertThatThrownBy(() -> Memory.objects.raw("SELECT * FROM memories WHERE id = %s").list())
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * {@code SELECT *} over a join returns two {@code id} columns: the model's fields take the first
   * (Django's rule), so the instance keeps its own primary key and saving it touches its own row.
   */
  @DbTest
  void aDuplicateColumnNameKeepsTheFirstOccurrence() {
    Memory concert = Memory.objects.get("title", "Concert");
    assertThat(concert.pk()).isNotEqualTo(bob.pk());
    List<Memory> found =
        Memory.objects
            .raw(
                "SELECT memories.*, users.id, users.username FROM memories"
                    + " JOIN users ON users.id = memories.user_id WHERE memories.title = %s",
                "Concert")
            .list();
    Memory m = found.get(0);
    assertThat(m.pk()).isEqualTo(concert.pk());
    assertThat(m.annotation("username")).isEqualTo("bob");
    assertThat(m.annotations()).doesNotContainKey("id");
    m.title = "Concert (saved)";
    m.save();
    assertThat(Memory.objects.filter("title", "Concert (saved)").valuesList("id").flat().list())
        .containsExactly(concert.pk());
  }
}
