package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.fk;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static io.vibevault.orm.tests.migrations.NoteMigrations.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.ProtectedError;
import io.vibevault.orm.exception.RestrictedError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.expr.aggregates.Count;
import io.vibevault.orm.expr.aggregates.Sum;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.RunCode;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Relation;
import io.vibevault.orm.query.DeleteResult;
import io.vibevault.orm.query.MapQuerySet;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * Historical models as QuerySets of maps: a data migration that filters across relations, updates
 * with F, deletes with the historical on_delete rules (CASCADE, SET_NULL, many-to-many links) and
 * runs backwards; and the QuerySet API itself over a model that has no Java class.
 */
@DatabaseTest
class HistoricalQuerySetTest {
  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private static MigrationFixtures fixtures() throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    fx.write(
        "0001_initial",
        new CreateModel(
            model(
                APP,
                "Author",
                id(),
                chars("username", 50),
                FieldDefinition.of("noteCount", FieldKind.INTEGER).withDefault(0))),
        new CreateModel(model(APP, "Tag", id(), chars("name", 30))),
        new CreateModel(
            model(
                APP,
                "Note",
                id(),
                chars("title", 100),
                FieldDefinition.of("hits", FieldKind.INTEGER).withDefault(0),
                FieldDefinition.of("createdAt", FieldKind.DATE_TIME),
                fk("author", APP + ".Author"),
                FieldDefinition.relation("tags", Relation.Kind.MANY_TO_MANY, APP + ".Tag"))),
        new CreateModel(model(APP, "Comment", id(), chars("body", 200), fk("note", APP + ".Note"))),
        new CreateModel(
            model(
                APP,
                "Pin",
                id(),
                chars("label", 20),
                fk("note", APP + ".Note").withNullable(true).withOnDelete(OnDelete.SET_NULL))));
    fx.write(
        "0002_seed",
        new RunCode(NoteMigrations.Seed.class.getName(), NoteMigrations.Unseed.class.getName()));
    fx.write(
        "0003_tidy",
        new RunCode(NoteMigrations.Tidy.class.getName(), NoteMigrations.Untidy.class.getName()));
    // A later field: the code of 0003 must not see it.
    fx.write("0004_colour", new AddField(APP, "Note", chars("colour", 10).withNullable(true)));
    return fx;
  }

  @DbTest
  void aDataMigrationFiltersAcrossRelationsUpdatesWithFDeletesWithCascadeAndRunsBackwards(
      TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    Migrations migrations = fixtures().migrations();
    migrations.migrate();

    // The taxes draft went, with its comment and its tag link; its pin lost its note (SET_NULL).
    // The other draft is tagged "keep"; ana's notes before 2022 got 10 more hits.
    assertThat(column(c, "mighist_note", "title"))
        .containsExactly("Beach day", "Concert", "draft idea");
    assertThat(longs(column(c, "mighist_note", "hits"))).containsExactly(10L, 5L, 0L);
    assertThat(column(c, "mighist_comment", "body")).containsExactly("sunny");
    assertThat(column(c, "mighist_pin", "note_id")).containsExactly((Object) null);
    assertThat(Schema.count(c, "mighist_note_tags")).isEqualTo(1);
    assertThat(longs(column(c, "mighist_author", "note_count"))).containsExactly(1L, 2L);

    migrations.migrate(APP, "0002");
    assertThat(longs(column(c, "mighist_note", "hits"))).containsExactly(0L, 5L, 0L);
    assertThat(longs(column(c, "mighist_author", "note_count"))).containsExactly(0L, 0L);

    // Backwards past the seed: deleting the authors cascades to their notes and comments, clears
    // the links and nulls the pin.
    migrations.migrate(APP, "0001");
    for (String table :
        List.of("mighist_author", "mighist_note", "mighist_comment", "mighist_tag")) {
      assertThat(Schema.count(c, table)).as(table).isZero();
    }
    assertThat(Schema.count(c, "mighist_note_tags")).isZero();
    assertThat(column(c, "mighist_pin", "label")).containsExactly("urgent");

    migrations.migrate(APP, "zero");
    assertThat(Schema.tables(c)).noneMatch(t -> t.startsWith("mighist_"));
  }

  /** The state at 0002 with its rows: the historical models, queried outside a migration. */
  private static ProjectState seeded() throws Exception {
    MigrationFixtures fx = fixtures();
    fx.migrations().migrate(APP, "0002");
    return fx.migrations().graph(Set.of()).state(List.of(new Migration.Key(APP, "0002_seed")));
  }

  @DbTest
  void lookupsQRelationsOrderingSlicingAndShapes(TestDatabase db) throws Exception {
    ProjectState state = seeded();
    MapQuerySet note = rows(state, db, "Note");
    assertThat(note.meta().modelClass()).isNull();

    Map<String, Object> beach = note.get("title__iexact", "beach DAY");
    assertThat(beach).containsKeys("id", "title", "hits", "createdAt", "authorId");
    assertThat(beach).doesNotContainKey("colour");
    assertThat(beach.get("createdAt")).isEqualTo(java.time.Instant.parse("2020-06-01T10:00:00Z"));

    assertThat(titles(note.filter("createdAt__year", 2020).orderBy("title")))
        .containsExactly("Beach day", "Concert");
    assertThat(titles(note.filter("author__username", "bob").orderBy("-createdAt")))
        .containsExactly("draft idea", "Concert");
    assertThat(titles(note.exclude("title__icontains", "draft").orderBy("id")))
        .containsExactly("Beach day", "Concert");
    assertThat(
            titles(
                note.filter(Q.of("hits__gt", 0).or(Q.of("tags__name", "keep"))).orderBy("title")))
        .containsExactly("Concert", "draft idea");
    assertThat(titles(note.filter("id__in", List.of(beach.get("id")))))
        .containsExactly("Beach day");
    assertThat(note.filter("comment__isnull", true).count()).isEqualTo(2);
    assertThat(titles(note.filter("hits__lt", F.of("author__noteCount").plus(1)).orderBy("id")))
        .hasSize(3);
    assertThat(titles(note.orderBy("title").slice(1, 3)))
        .containsExactly("Concert", "Draft: taxes");
    assertThat(note.orderBy("-hits").first().orElseThrow().get("title")).isEqualTo("Concert");
    assertThat(note.filter("title", "nothing").exists()).isFalse();
    assertThat(note.values("title").filter("author__username", "ana").orderBy("title").list())
        .containsExactly(Map.of("title", "Beach day"), Map.of("title", "Draft: taxes"));
    assertThat(note.valuesList("author__username").orderBy("id").flat().list())
        .containsExactly("ana", "ana", "bob", "bob");

    MapQuerySet author = rows(state, db, "Author");
    assertThat(
            author
                .annotate(Count.of("note").as("notes"), Sum.of("note__hits").as("hits"))
                .orderBy("username")
                .values("username", "notes", "hits")
                .list())
        .extracting(r -> r.get("username") + ":" + r.get("notes") + ":" + r.get("hits"))
        .containsExactly("ana:2:0", "bob:2:5");
    assertThat(note.aggregate(Count.of("id").as("n")).getLong("n")).isEqualTo(4);

    assertThatThrownBy(() -> note.get("title", "nothing")).isInstanceOf(ObjectDoesNotExist.class);
    assertThatThrownBy(() -> note.get("author__username", "ana"))
        .isInstanceOf(MultipleObjectsReturned.class);
    assertThatThrownBy(() -> note.filter("colour", "red").list())
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("colour");
  }

  @DbTest
  void createBulkCreateUpdateAndDeleteWithTheHistoricalRules(TestDatabase db) throws Exception {
    ProjectState state = seeded();
    MapQuerySet author = rows(state, db, "Author");
    MapQuerySet note = rows(state, db, "Note");

    // The root never caches: it sees the row created after it was evaluated.
    assertThat(author.list()).hasSize(2);
    Map<String, Object> cy = assertNumQueries(1, () -> author.create("username", "cy"));
    assertThat(author.count()).isEqualTo(3);
    assertThat(cy).containsEntry("username", "cy").containsEntry("noteCount", 0L);
    assertThat(cy.get("id")).isNotNull();
    List<Map<String, Object>> made =
        assertNumQueries(
            1,
            () ->
                note.bulkCreate(
                    List.of(
                        Map.of("title", "one", "author", cy, "createdAt", java.time.Instant.EPOCH),
                        Map.of(
                            "title", "two", "author", cy, "createdAt", java.time.Instant.EPOCH))));
    assertThat(made).extracting(r -> r.get("id")).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(note.filter("author", cy.get("id")).count()).isEqualTo(2);
    // A created row is the row a read gives back.
    assertThat(note.get("id", made.get(1).get("id"))).isEqualTo(made.get(1));

    long changed =
        assertNumQueries(
            1, () -> note.filter("author__username", "cy").update("hits", F.of("hits").plus(3)));
    assertThat(changed).isEqualTo(2);
    assertThat(note.filter("author__username", "cy").valuesList("hits").flat().list())
        .containsOnly(3L);

    // Deleting bob cascades to his notes and their comments, and nulls nothing of ana's.
    DeleteResult deleted = author.filter("username", "bob").delete();
    assertThat(deleted.perModel())
        .containsEntry(APP + ".Author", 1L)
        .containsEntry(APP + ".Note", 2L)
        .containsEntry(APP + ".Note_tags", 1L);
    assertThat(titles(note.orderBy("id")))
        .containsExactly("Beach day", "Draft: taxes", "one", "two");

    assertThatThrownBy(() -> author.create("nickname", "x"))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("nickname");
  }

  @DbTest
  void protectIsHonouredOnAHistoricalModel(TestDatabase db) throws Exception {
    ProjectState state =
        withAuthors(
            new CreateModel(
                model(
                    APP,
                    "Book",
                    id(),
                    chars("title", 50),
                    fk("author", APP + ".Author").withOnDelete(OnDelete.PROTECT))));
    MapQuerySet author = rows(state, db, "Author");
    Map<String, Object> ana = author.create("username", "ana");
    rows(state, db, "Book").create("title", "Java", "author", ana);

    assertThatThrownBy(() -> author.all().delete())
        .isInstanceOf(ProtectedError.class)
        .hasMessageContaining("Book.author");
    assertThat(author.count()).isEqualTo(1);
  }

  @DbTest
  void restrictAndSetDefaultAreHonouredOnAHistoricalModel(TestDatabase db) throws Exception {
    ProjectState state =
        withAuthors(
            new CreateModel(
                model(
                    APP,
                    "Review",
                    id(),
                    fk("author", APP + ".Author").withOnDelete(OnDelete.RESTRICT))),
            new CreateModel(
                model(
                    APP,
                    "Badge",
                    id(),
                    fk("author", APP + ".Author")
                        .withOnDelete(OnDelete.SET_DEFAULT)
                        .withDefault(1))));
    MapQuerySet author = rows(state, db, "Author");
    MapQuerySet review = rows(state, db, "Review");
    MapQuerySet badge = rows(state, db, "Badge");
    Map<String, Object> ghost = author.create("username", "ghost");
    assertThat(ghost.get("id")).isEqualTo(1L);
    Map<String, Object> ana = author.create("username", "ana");
    review.create("author", ana);
    badge.create("author", ana);

    assertThatThrownBy(() -> author.filter("username", "ana").delete())
        .isInstanceOf(RestrictedError.class)
        .hasMessageContaining("Review.author");
    assertThat(badge.get().get("authorId")).isEqualTo(ana.get("id"));

    review.all().delete();
    assertThat(author.filter("username", "ana").delete().total()).isEqualTo(1);
    assertThat(badge.get().get("authorId")).isEqualTo(1L);
  }

  /**
   * Applies one initial migration creating Author(username) and these models pointing at it;
   * returns the state after it.
   */
  private static ProjectState withAuthors(CreateModel... dependents) throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    List<CreateModel> models = new ArrayList<>();
    models.add(new CreateModel(model(APP, "Author", id(), chars("username", 50))));
    models.addAll(List.of(dependents));
    fx.write("0001_initial", models.toArray(new CreateModel[0]));
    fx.migrations().migrate();
    return fx.migrations().graph(Set.of()).state(List.of(new Migration.Key(APP, "0001_initial")));
  }

  private static MapQuerySet rows(ProjectState state, TestDatabase db, String model) {
    return new MapQuerySet(state.meta(APP, model), db.alias());
  }

  private static List<Object> titles(MapQuerySet rows) {
    return rows.stream().map(r -> r.get("title")).toList();
  }

  private static List<Long> longs(List<Object> values) {
    return values.stream().map(v -> ((Number) v).longValue()).toList();
  }
}
