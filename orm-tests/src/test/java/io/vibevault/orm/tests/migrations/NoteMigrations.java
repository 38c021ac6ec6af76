package io.vibevault.orm.tests.migrations;

import io.vibevault.orm.expr.F;
import io.vibevault.orm.expr.aggregates.Count;
import io.vibevault.orm.migrations.operations.HistoricalApps;
import io.vibevault.orm.migrations.operations.MigrationCode;
import io.vibevault.orm.query.MapQuerySet;
import io.vibevault.orm.query.Q;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The data migrations of {@link HistoricalQuerySetTest}'s {@code mighist} app, written as a data
 * migration in a project would be: only historical models, never a model class.
 */
public final class NoteMigrations {
  static final String APP = "mighist";

  private NoteMigrations() {}

  /**
   * 0002 forwards: two authors, four notes, comments, a pin on the taxes draft and two tags (the
   * other draft tagged "keep"), created as maps.
   */
  public static final class Seed implements MigrationCode {
    @Override
    public void run(HistoricalApps apps) {
      MapQuerySet author = apps.getModel(APP, "Author");
      MapQuerySet note = apps.getModel(APP, "Note");
      Map<String, Object> ana = author.create("username", "ana");
      Map<String, Object> bob = author.create(Map.of("username", "bob"));
      List<Map<String, Object>> notes =
          note.bulkCreate(
              List.of(
                  Map.of("title", "Beach day", "author", ana, "createdAt", at(2020)),
                  Map.of("title", "Draft: taxes", "author", ana, "createdAt", at(2021)),
                  Map.of("title", "Concert", "author", bob, "hits", 5, "createdAt", at(2020)),
                  Map.of("title", "draft idea", "authorId", bob.get("id"), "createdAt", at(2022))));
      MapQuerySet comment = apps.getModel(APP, "Comment");
      comment.create("note", notes.get(0), "body", "sunny");
      comment.create("note", notes.get(1), "body", "file by May");
      apps.getModel(APP, "Pin").create("note", notes.get(1), "label", "urgent");
      MapQuerySet tag = apps.getModel(APP, "Tag");
      Map<String, Object> idea = tag.create("name", "idea");
      Map<String, Object> keep = tag.create("name", "keep");
      apps.getThrough(APP, "Note", "tags")
          .bulkCreate(
              List.of(
                  Map.of("note", notes.get(1), "tag", idea),
                  Map.of("noteId", notes.get(3).get("id"), "tagId", keep.get("id"))));
    }
  }

  /** 0002 backwards: deleting the authors cascades to everything they wrote. */
  public static final class Unseed implements MigrationCode {
    @Override
    public void run(HistoricalApps apps) {
      apps.getModel(APP, "Author").all().delete();
      apps.getModel(APP, "Tag").all().delete();
    }
  }

  /**
   * 0003 forwards: lookups across relations, update with F, delete with the historical on_delete
   * rules, and an annotation written back.
   */
  public static final class Tidy implements MigrationCode {
    @Override
    public void run(HistoricalApps apps) {
      MapQuerySet note = apps.getModel(APP, "Note");
      if (note.meta().findField("colour") != null) {
        throw new IllegalStateException("0004's field leaked into the historical model");
      }
      note.filter("author__username__istartswith", "A", "createdAt__year__lt", 2022)
          .update("hits", F.of("hits").plus(10));
      // Drafts not tagged "keep" go, with their comments (CASCADE) and tag links; a pin on one
      // stays, its note NULL (SET_NULL).
      note.filter(Q.of("title__istartswith", "draft").and(Q.not(Q.of("tags__name", "keep"))))
          .delete();
      MapQuerySet author = apps.getModel(APP, "Author");
      for (Map<String, Object> row :
          author.annotate(Count.of("note").as("notes")).values("id", "notes")) {
        author.filter("id", row.get("id")).update("noteCount", row.get("notes"));
      }
    }
  }

  /** 0003 backwards: what can be undone (the deleted drafts stay deleted, as in Django). */
  public static final class Untidy implements MigrationCode {
    @Override
    public void run(HistoricalApps apps) {
      apps.getModel(APP, "Note")
          .filter("author__username__istartswith", "a", "hits__gte", 10)
          .update("hits", F.of("hits").minus(10));
      apps.getModel(APP, "Author").update("noteCount", 0);
    }
  }

  private static Instant at(int year) {
    return Instant.parse(year + "-06-01T10:00:00Z");
  }
}
