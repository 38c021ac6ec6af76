package io.vibevault.orm.tests.selectrelated;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.query.ResultIterator;
import io.vibevault.orm.testkit.AllowNPlusOne;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * selectRelated: one SELECT loads the rows and the objects their foreign keys point at, so reading
 * {@code post.author.get()} afterwards sends nothing.
 */
@DatabaseTest(models = {City.class, Author.class, Post.class, Badge.class})
class SelectRelatedTest {

  /**
   * paris ← ann; oslo ← bob (mentor ann); first (ann, edited by bob), second (bob), third (bob,
   * edited by ann).
   */
  private void data() {
    City paris = City.objects.create("name", "paris");
    City oslo = City.objects.create("name", "oslo");
    Author ann = Author.objects.create("name", "ann", "bio", "ann's bio", "city", paris);
    Author bob = Author.objects.create("name", "bob", "city", oslo, "mentor", ann);
    Post.objects.create("title", "first", "body", "one", "author", ann, "editor", bob);
    Post.objects.create("title", "second", "body", "two", "author", bob);
    Post.objects.create("title", "third", "body", "three", "author", bob, "editor", ann);
  }

  private static int joins(String sql, String kind) {
    return sql.split(kind, -1).length - 1;
  }

  @DbTest
  void oneQueryForTheRowsAndTheirRelatedObjects() {
    data();
    List<String> authors =
        assertNumQueries(
            1,
            () -> {
              List<String> out = new ArrayList<>();
              for (Post p : Post.objects.selectRelated("author").orderBy("id")) {
                out.add(p.title + ":" + p.author.get().name);
              }
              return out;
            });
    assertThat(authors).containsExactly("first:ann", "second:bob", "third:bob");
    assertThat(Post.objects.selectRelated("author").query().sql())
        .contains("INNER JOIN")
        .doesNotContain("LEFT OUTER JOIN");
  }

  @DbTest
  @AllowNPlusOne("the baseline: one query per row without selectRelated")
  void withoutSelectRelatedEachAccessIsAQuery() {
    data();
    assertNumQueries(
        4,
        () -> {
          for (Post p : Post.objects.orderBy("id")) {
            assertThat(p.author.get().name).isNotNull();
          }
        });
  }

  @DbTest
  void aNullableForeignKeyIsALeftJoinThatKeepsRowsWithoutIt() {
    data();
    List<Post> posts =
        assertNumQueries(1, () -> Post.objects.selectRelated("editor").orderBy("id").list());
    assertThat(posts).hasSize(3);
    assertNoQueries(
        () -> {
          assertThat(posts.get(0).editor.get().name).isEqualTo("bob");
          assertThat(posts.get(1).editor.get()).isNull();
          assertThat(posts.get(1).editor.isLoaded()).isTrue();
          assertThat(posts.get(2).editor.get().name).isEqualTo("ann");
        });
    assertThat(Post.objects.selectRelated("editor").query().sql()).contains("LEFT OUTER JOIN");
  }

  @DbTest
  void nestedPathsLoadEveryLevel() {
    data();
    List<Post> posts =
        assertNumQueries(
            1,
            () ->
                Post.objects.selectRelated("author__city", "editor__mentor").orderBy("id").list());
    assertNoQueries(
        () -> {
          assertThat(posts.get(0).author.get().city.get().name).isEqualTo("paris");
          assertThat(posts.get(0).editor.get().mentor.get().name).isEqualTo("ann");
          assertThat(posts.get(1).author.get().city.get().name).isEqualTo("oslo");
          assertThat(posts.get(1).editor.get()).isNull();
          assertThat(posts.get(2).editor.get().mentor.get()).isNull();
        });
    // author__city joins author too; editor and its mentor may be absent: LEFT OUTER JOINs.
    String sql = Post.objects.selectRelated("author__city", "editor__mentor").query().sql();
    assertThat(joins(sql, "INNER JOIN")).isEqualTo(2);
    assertThat(joins(sql, "LEFT OUTER JOIN")).isEqualTo(2);
  }

  @DbTest
  void theRelatedObjectsAreCompleteInstances() {
    data();
    Post first = Post.objects.selectRelated("author").get("title", "first");
    Author ann = assertNoQueries(() -> first.author.get());
    assertThat(ann.isPersisted()).isTrue();
    assertThat(ann.deferredFields()).isEmpty();
    assertThat(ann.bio).isEqualTo("ann's bio");
    assertThat(ann.city.id()).isEqualTo(City.objects.get("name", "paris").id);
    // Not selected: one query, as without selectRelated.
    assertNumQueries(1, () -> assertThat(ann.city.get().name).isEqualTo("paris"));
  }

  @DbTest
  void noArgumentsFollowsEveryNonNullForeignKeyRecursively() {
    data();
    List<Post> posts = assertNumQueries(1, () -> Post.objects.selectRelated().orderBy("id").list());
    assertNoQueries(
        () -> {
          assertThat(posts.get(0).author.get().name).isEqualTo("ann");
          assertThat(posts.get(0).author.get().city.get().name).isEqualTo("paris");
        });
    // Nullable foreign keys are left alone, as Django does.
    assertThat(posts.get(0).editor.isLoaded()).isFalse();
    assertThat(posts.get(1).author.get().mentor.isLoaded()).isFalse();
    String sql = Post.objects.selectRelated().query().sql();
    assertThat(joins(sql, "INNER JOIN")).isEqualTo(2);
    assertThat(sql).doesNotContain("LEFT OUTER JOIN");
  }

  @DbTest
  void onlyAcrossPathsLoadsJustThoseFieldsOfTheRelatedModel() {
    data();
    List<Post> posts =
        assertNumQueries(
            1,
            () ->
                Post.objects
                    .selectRelated("author")
                    .only("title", "author__name")
                    .orderBy("id")
                    .list());
    Post first = posts.get(0);
    Author ann = assertNoQueries(() -> first.author.get());
    assertThat(first.title).isEqualTo("first");
    assertThat(first.isDeferred("body")).isTrue();
    assertThat(first.isDeferred("author")).isFalse();
    assertThat(ann.name).isEqualTo("ann");
    assertThat(ann.id).isNotNull();
    assertThat(ann.isDeferred("bio")).isTrue();
    assertThat(ann.isDeferred("city")).isTrue();
    assertThat(ann.isDeferred("name")).isFalse();
    // A deferred field loads on request.
    assertNumQueries(1, () -> ann.refreshFromDb("bio"));
    assertThat(ann.bio).isEqualTo("ann's bio");
  }

  @DbTest
  void deferAcrossPathsLeavesThoseFieldsOut() {
    data();
    Post first =
        assertNumQueries(
            1,
            () -> Post.objects.selectRelated("author").defer("author__bio").get("title", "first"));
    Author ann = assertNoQueries(() -> first.author.get());
    assertThat(first.deferredFields()).isEmpty();
    assertThat(ann.isDeferred("bio")).isTrue();
    assertThat(ann.name).isEqualTo("ann");
  }

  @DbTest
  void aRelationCannotBeDeferredAndSelected() {
    data();
    assertNumQueries(
        0,
        () -> {
          assertThatThrownBy(() -> Post.objects.selectRelated("author").only("title").list())
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("cannot be both deferred and traversed");
          assertThatThrownBy(() -> Post.objects.selectRelated("author").defer("author").list())
              .isInstanceOf(FieldError.class);
        });
    // The no-argument form skips a deferred relation instead.
    Post first = Post.objects.selectRelated().only("title").get("title", "first");
    assertThat(first.isDeferred("author")).isTrue();
    assertThat(Post.objects.selectRelated().only("title").query().sql()).doesNotContain("JOIN");
  }

  @DbTest
  void combinesWithFilterOrderingAndSlicing() {
    data();
    List<Post> page =
        assertNumQueries(
            1,
            () ->
                Post.objects
                    .filter("author__city__name", "oslo")
                    .selectRelated("author__city")
                    .orderBy("-title")
                    .slice(0, 1)
                    .list());
    assertThat(page).hasSize(1);
    assertNoQueries(
        () -> {
          assertThat(page.get(0).title).isEqualTo("third");
          assertThat(page.get(0).author.get().city.get().name).isEqualTo("oslo");
        });
    // The filter's joins are reused: one join per table.
    String sql =
        Post.objects
            .filter("author__city__name", "oslo")
            .selectRelated("author__city")
            .query()
            .sql();
    assertThat(joins(sql, "JOIN")).isEqualTo(2);
    // Ordering across the relation, and count/exists on a selectRelated QuerySet.
    List<String> byAuthor = new ArrayList<>();
    for (Post p : Post.objects.selectRelated("author").orderBy("author__name", "title")) {
      byAuthor.add(p.author.get().name + "/" + p.title);
    }
    assertThat(byAuthor).containsExactly("ann/first", "bob/second", "bob/third");
    assertThat(Post.objects.selectRelated("author", "editor").count()).isEqualTo(3);
    assertThat(Post.objects.selectRelated("author", "editor").slice(1, 3).count()).isEqualTo(2);
    assertThat(Post.objects.selectRelated("author", "editor").slice(1, 3).exists()).isTrue();
    assertThat(Post.objects.selectRelated("editor").filter("editor__isnull", true).first())
        .hasValueSatisfying(p -> assertThat(p.title).isEqualTo("second"));
  }

  @DbTest
  void iteratorLoadsTheRelatedObjectsOfEveryChunk() {
    data();
    List<Post> seen = new ArrayList<>();
    try (ResultIterator<Post> it =
        Post.objects.selectRelated("author__city", "editor").orderBy("id").iterator(2)) {
      it.forEachRemaining(seen::add);
    }
    assertNoQueries(
        () -> {
          assertThat(seen)
              .extracting(p -> p.author.get().city.get().name)
              .containsExactly("paris", "oslo", "oslo");
          assertThat(seen.get(1).editor.get()).isNull();
        });
  }

  @DbTest
  void valuesIgnoresSelectRelated() {
    data();
    List<Map<String, Object>> rows =
        assertNumQueries(
            1, () -> Post.objects.selectRelated("author").orderBy("id").values("title").list());
    assertThat(rows).extracting(r -> r.get("title")).containsExactly("first", "second", "third");
    assertThat(Post.objects.selectRelated("author").values("title").query().sql())
        .doesNotContain("JOIN");
    assertThat(Post.objects.selectRelated("author").valuesList("author__name").flat().list())
        .hasSize(3);
  }

  @DbTest
  void badPathsAreFieldErrorsBeforeAnySql() {
    assertNumQueries(
        0,
        () -> {
          assertThatThrownBy(() -> Post.objects.selectRelated("title"))
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("Non-relational field")
              .hasMessageContaining("'title'")
              .hasMessageContaining("Choices are: author, editor");
          assertThatThrownBy(() -> Post.objects.selectRelated("nope"))
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("'nope'")
              .hasMessageContaining("Choices are: author, editor");
          assertThatThrownBy(() -> Post.objects.selectRelated("topics"))
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("prefetchRelated");
          assertThatThrownBy(() -> Post.objects.selectRelated("author__name"))
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("Choices are: city, mentor");
          assertThatThrownBy(() -> City.objects.selectRelated("name"))
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("Choices are: (none)");
          assertThatThrownBy(() -> Post.objects.only("author__nope"))
              .isInstanceOf(FieldError.class);
        });
  }

  @DbTest
  void belowAnOuterJoinEveryJoinIsOuter() {
    data();
    List<Post> posts =
        assertNumQueries(1, () -> Post.objects.selectRelated("editor__city").orderBy("id").list());
    assertThat(posts).hasSize(3);
    assertNoQueries(
        () -> {
          assertThat(posts.get(0).editor.get().city.get().name).isEqualTo("oslo");
          assertThat(posts.get(1).editor.get()).isNull();
        });
    String sql = Post.objects.selectRelated("editor__city").query().sql();
    assertThat(joins(sql, "LEFT OUTER JOIN")).isEqualTo(2);
    assertThat(sql).doesNotContain("INNER JOIN");
  }

  @DbTest
  void aForwardOneToOneIsFollowedToo() {
    data();
    Author ann = Author.objects.get("name", "ann");
    Badge.objects.create("label", "gold", "holder", ann);
    Badge gold =
        assertNumQueries(1, () -> Badge.objects.selectRelated("holder__city").get("label", "gold"));
    assertNoQueries(() -> assertThat(gold.holder.get().city.get().name).isEqualTo("paris"));
  }

  @DbTest
  void writesThroughASelectRelatedQuerySetIgnoreIt() {
    data();
    assertThat(
            Post.objects.selectRelated("author").filter("author__name", "bob").update("body", "b"))
        .isEqualTo(2);
    assertThat(Post.objects.filter("body", "b").count()).isEqualTo(2);
    assertThat(
            Post.objects
                .selectRelated("author", "editor")
                .filter("title", "first")
                .delete()
                .total())
        .isEqualTo(1);
    assertThat(Post.objects.count()).isEqualTo(2);
  }
}
