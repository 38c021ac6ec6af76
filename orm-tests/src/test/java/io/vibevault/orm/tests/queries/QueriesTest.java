package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@DatabaseTest(models = {Author.class, Note.class, Label.class})
class QueriesTest {
  private Author ada;
  private Author bob;

  private void seed() {
    ada = Author.objects.create("name", "ada");
    bob = Author.objects.create("name", "bob");
    Note n1 =
        Note.objects.create(
            "author",
            ada,
            "title",
            "Beach day",
            "likes",
            5,
            "createdAt",
            Instant.parse("2024-07-04T09:30:00Z"));
    n1.status = "done";
    n1.score = 0.5;
    n1.data = Map.of("sentiment", Map.of("label", "positive"), "words", 60);
    n1.save();
    Note n2 =
        Note.objects.create(
            "author",
            ada,
            "title",
            "100% summer",
            "likes",
            10,
            "createdAt",
            Instant.parse("2024-08-01T10:00:00Z"));
    Note n3 =
        Note.objects.create(
            "author",
            bob,
            "title",
            "Park walk",
            "likes",
            1,
            "status",
            "pending",
            "createdAt",
            Instant.parse("2023-01-01T00:00:00Z"));
    Label work = Label.objects.create("name", "work");
    Label fun = Label.objects.create("name", "fun");
    n1.labels.add(fun);
    n2.labels.add(fun, work);
    assertThat(n3.pk()).isNotNull();
  }

  @DbTest
  void filtersOrdersAndCounts() {
    seed();
    assertThat(Note.objects.count()).isEqualTo(3);
    assertThat(Note.objects.all().list())
        .extracting(n -> n.title)
        .containsExactly("100% summer", "Beach day", "Park walk");
    assertThat(Note.objects.filter("title__contains", "%").count()).isEqualTo(1);
    assertThat(Note.objects.filter("title__icontains", "BEACH").count()).isEqualTo(1);
    assertThat(Note.objects.filter("title__contains", "beach").count()).isEqualTo(0);
    assertThat(Note.objects.filter("author__name", "ada").count()).isEqualTo(2);
    assertThat(Note.objects.filter("author", ada).count()).isEqualTo(2);
    assertThat(Note.objects.exclude("status", "done").count()).isEqualTo(2);
    assertThat(Note.objects.filter(Q.of("status", "done").or(Q.of("status__isnull", true))).count())
        .isEqualTo(2);
    assertThat(Note.objects.filter("createdAt__year", 2024).count()).isEqualTo(2);
    assertThat(Note.objects.filter("createdAt__month", 7, "createdAt__day", 4).count())
        .isEqualTo(1);
    assertThat(Note.objects.filter("likes__gt", F.of("likes").minus(1)).count()).isEqualTo(3);
    assertThat(Note.objects.filter("pk__in", List.of()).list()).isEmpty();
    assertThat(Note.objects.filter("data__sentiment__label", "positive").count()).isEqualTo(1);
    assertThat(Note.objects.filter("data__words__gt", 55).count()).isEqualTo(1);
    assertThat(Note.objects.filter("data__has_key", "sentiment").count()).isEqualTo(1);
    assertThat(Note.objects.filter("labels__name", "fun").count()).isEqualTo(2);
    assertThat(Author.objects.filter("notes__title__icontains", "park").list())
        .extracting(a -> a.name)
        .containsExactly("bob");
    assertThat(Note.objects.valuesList("title").<String>flat().orderBy("title").list())
        .containsExactly("100% summer", "Beach day", "Park walk");
    assertThat(Note.objects.values("title", "author__name").orderBy("likes").first().orElseThrow())
        .containsEntry("author__name", "bob");
    assertThat(Note.objects.orderBy("-likes").slice(1, 2).list())
        .extracting(n -> n.likes)
        .containsExactly(5);
    assertThat(Note.objects.first().orElseThrow().title).isEqualTo("100% summer");
    assertThat(Note.objects.last().orElseThrow().title).isEqualTo("Park walk");
    assertThat(Note.objects.filter("author", bob).update("likes", F.of("likes").plus(1)))
        .isEqualTo(1);
    assertThat(Note.objects.get("author__name", "bob").likes).isEqualTo(2);
    assertThat(Note.objects.get("author__name", "bob").author.get().name).isEqualTo("bob");
  }

  @DbTest
  void excludeAcrossAMultiValuedRelationLeavesOutEveryRowWithAMatch() {
    seed();
    // n1 has "fun", n2 has "fun" and "work", n3 has no label: only n3 has no "fun" label.
    assertThat(Note.objects.exclude("labels__name", "fun").list())
        .extracting(n -> n.title)
        .containsExactly("Park walk");
    // A row is kept when none of its labels match, including rows with no label at all.
    assertThat(Note.objects.exclude("labels__name", "work").orderBy("title").list())
        .extracting(n -> n.title)
        .containsExactly("Beach day", "Park walk");
    assertThat(Author.objects.exclude("notes__title__icontains", "park").list())
        .extracting(a -> a.name)
        .containsExactly("ada");
    assertThat(Note.objects.filter(Q.of("labels__name", "work").not()).count()).isEqualTo(2);
  }

  @DbTest
  void errors() {
    seed();
    assertThatThrownBy(() -> Note.objects.get("title", "nope"))
        .isInstanceOf(ObjectDoesNotExist.class);
    assertThatThrownBy(() -> Note.objects.get("author", ada))
        .isInstanceOf(MultipleObjectsReturned.class);
    var ran =
        Database.captureQueries(
            () ->
                assertThatThrownBy(() -> Note.objects.filter("colour", "red").list())
                    .isInstanceOf(FieldError.class));
    assertThat(ran).isEmpty();
    assertThatThrownBy(() -> Author.objects.create("name", "ada"))
        .isInstanceOf(IntegrityError.class);
  }

  @DbTest
  void deleteCascadesAndCountsLinks() {
    seed();
    var result = ada.delete();
    assertThat(result.perModel())
        .containsEntry("queries.Author", 1L)
        .containsEntry("queries.Note", 2L)
        .containsEntry("queries.Note_labels", 3L);
    assertThat(Note.objects.count()).isEqualTo(1);
  }
}
