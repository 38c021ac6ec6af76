package io.vibevault.app.memories;

import io.vibevault.app.accounts.User;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.OperationalError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.ExpressionWrapper;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.transaction.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One user's memories. Every query starts from {@code Memory.objects.filter("user", user)}: another
 * user's id is simply not found ({@link ObjectDoesNotExist}, a 404 on the web), never fetched and
 * then refused (THREATS 4.3).
 *
 * <pre>{@code
 * Memories mine = new Memories(ada, media);
 * Memory m = mine.create("Beach Day", "Had fun", List.of("summer"), null);
 * Memories.Page page = mine.page(Memories.Sort.DATE, null, 1);
 * }</pre>
 */
public final class Memories {
  /** Memories per page (the guide's pagination). */
  public static final int PAGE_SIZE = 20;

  /** Longest title and text stored (checked before storage, so nothing is truncated). */
  public static final int MAX_TITLE = 255;

  /** Longest text, in characters. */
  public static final int MAX_TEXT = 100_000;

  /** Listing orders. */
  public enum Sort {
    /** Newest first. */
    DATE,
    /**
     * Most engaging first: the listing's {@code engagementScore} annotation ({@link #engagement},
     * the guide's {@code viewCount * 2 + likeCount * 5}), newest first among equals.
     */
    ENGAGEMENT
  }

  /** One page of a listing; {@code total} counts every matching memory. */
  public record Page(List<Memory> memories, int number, long total, int pages) {}

  /** A keyset slice: the memories after a cursor and the cursor to continue from, if any. */
  public record Slice(List<Memory> memories, Optional<String> next) {}

  private final User user;
  private final MediaStorage media;

  /** The memories of {@code user}; media files under {@code media}. */
  public Memories(User user, MediaStorage media) {
    this.user = user;
    this.media = media;
  }

  /** The user whose memories these are. */
  public User user() {
    return user;
  }

  /** Every live memory of the user (the base of every read). */
  public QuerySet<Memory> all() {
    return Memory.objects.filter("user", user);
  }

  /** The memories in the user's trash. */
  public QuerySet<Memory> trash() {
    return Memory.trash.filter("user", user);
  }

  /** The name of the engagement annotation every listing carries. */
  public static final String ENGAGEMENT_SCORE = "engagementScore";

  /**
   * The guide's engagement score, {@code ExpressionWrapper(F("viewCount") * 2 + F("likeCount") * 5,
   * output_field=IntegerField())}: annotated on every listing as {@link #ENGAGEMENT_SCORE} (read it
   * with {@code memory.annotation("engagementScore", Long.class)}).
   */
  public static ExpressionWrapper engagement() {
    return ExpressionWrapper.of(
        F.of("viewCount").times(2).plus(F.of("likeCount").times(5)), FieldKind.INTEGER);
  }

  /**
   * What a listing reads: the user joined, the embedding left out, the tags prefetched, the
   * engagement score annotated.
   */
  public QuerySet<Memory> listing(Sort sort, String tag) {
    QuerySet<Memory> qs =
        all()
            .selectRelated("user")
            .defer("embedding")
            .prefetchRelated("tags")
            .annotate(engagement().as(ENGAGEMENT_SCORE));
    if (tag != null && !tag.isBlank()) {
      qs = qs.filter("tags__name", Tags.normalise(tag));
    }
    return sort == Sort.ENGAGEMENT
        ? qs.orderBy("-" + ENGAGEMENT_SCORE, "-createdAt", "-id")
        : qs.orderBy("-createdAt", "-id");
  }

  /** Page {@code number} (from 1) of a listing: LIMIT/OFFSET, 20 a page. */
  public Page page(Sort sort, String tag, int number) {
    QuerySet<Memory> qs = listing(sort, tag);
    long total = qs.count();
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int n = Math.max(1, Math.min(number, pages));
    List<Memory> rows = qs.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE).list();
    return new Page(rows, n, total, pages);
  }

  /**
   * The next {@link #PAGE_SIZE} memories by date after a cursor ({@code null}: from the newest):
   * keyset pagination on {@code (createdAt, id)}, which stays fast and stable however deep.
   */
  public Slice after(String cursor, String tag) {
    QuerySet<Memory> qs = listing(Sort.DATE, tag);
    if (cursor != null && !cursor.isBlank()) {
      Cursor c = Cursor.parse(cursor);
      qs =
          qs.filter(
              Q.of("createdAt__lt", c.createdAt())
                  .or(Q.of("createdAt", c.createdAt()).and(Q.of("id__lt", c.id()))));
    }
    List<Memory> rows = new ArrayList<>(qs.slice(0, PAGE_SIZE + 1).list());
    Optional<String> next = Optional.empty();
    if (rows.size() > PAGE_SIZE) {
      rows.remove(PAGE_SIZE);
      Memory last = rows.get(PAGE_SIZE - 1);
      next = Optional.of(new Cursor(last.createdAt, last.id).encode());
    }
    return new Slice(rows, next);
  }

  /** The keyset cursor that continues after {@code last} (for a first page's "load more"). */
  public static String cursorAfter(Memory last) {
    return new Cursor(last.createdAt, last.id).encode();
  }

  /** One live memory of the user. */
  public Memory get(long id) {
    return all().prefetchRelated("tags").get("id", id);
  }

  /** One memory in the user's trash. */
  public Memory getTrashed(long id) {
    return trash().get("id", id);
  }

  /** Creates a text memory, or a photo/audio one when {@code upload} is given. */
  public Memory create(String title, String text, List<String> tags, Uploads.Accepted upload) {
    return create(title, text, tags, upload, "");
  }

  /** As {@link #create(String, String, List, Uploads.Accepted)}, keeping the uploader's name. */
  public Memory create(
      String title, String text, List<String> tags, Uploads.Accepted upload, String mediaName) {
    Map<String, Object> values = checked(title, text);
    values.put("user", user);
    values.put("mediaType", MediaType.TEXT);
    values.put("analysisStatus", AnalysisStatus.PENDING);
    String stored = null;
    if (upload != null) {
      stored = media.save(upload.content(), upload.extension());
      values.put("mediaType", upload.mediaType());
      values.put("mediaFile", stored);
      values.put("mediaContentType", upload.contentType());
      values.put("mediaName", displayName(mediaName));
    }
    String file = stored;
    try {
      return Transaction.atomic(
          () -> {
            Memory m = Memory.objects.create(values);
            m.tags.set(Tags.named(user, tags));
            return m;
          });
    } catch (OperationalError lost) {
      // The connection broke: the commit may have happened all the same, so the file stays, and
      // the media janitor removes it later if no row refers to it (RELIABILITY R-23).
      throw lost;
    } catch (RuntimeException e) {
      if (file != null) {
        media.delete(file); // rolled back for sure: no file without its row
      }
      throw e;
    }
  }

  /** Records the uploader's file name (display metadata only). */
  public static String displayName(String uploaded) {
    if (uploaded == null) {
      return "";
    }
    String name = uploaded.replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  /** Changes title, text and tags (the only editable fields); queues a new analysis. */
  public Memory edit(long id, String title, String text, List<String> tags) {
    Map<String, Object> values = checked(title, text);
    return Transaction.atomic(
        () -> {
          Memory m = all().selectForUpdate().get("id", id);
          m.title = (String) values.get("title");
          m.text = (String) values.get("text");
          m.analysisStatus = AnalysisStatus.PENDING;
          m.save("title", "text", "analysisStatus", "updatedAt");
          if (tags != null) {
            m.tags.set(Tags.named(user, tags));
          }
          return m;
        });
  }

  /** Moves a memory to the trash. */
  public void trash(long id) {
    get(id).delete();
  }

  /** Restores a memory from the trash. */
  public Memory restore(long id) {
    Memory m = getTrashed(id);
    m.restore();
    return m;
  }

  /** Deletes a trashed memory and its file for good. */
  public void deleteForever(long id) {
    Memory m = getTrashed(id);
    String file = m.mediaFile;
    Transaction.atomic(
        () -> {
          m.deleteForever();
          if (!file.isEmpty()) {
            Transaction.onCommit(() -> media.delete(file));
          }
        });
  }

  /** Re-queues a failed (or any) memory of the user for analysis. */
  public void reanalyse(long id) {
    Memory m = get(id);
    all()
        .filter("id", m.id)
        .update(Map.of("analysisStatus", AnalysisStatus.PENDING, "analysisError", ""));
  }

  /** Counts one more view. */
  public void viewed(Memory m) {
    all().filter("id", m.id).update(Map.of("viewCount", F.of("viewCount").plus(1)));
  }

  /** Counts one more like. */
  public void like(long id) {
    Memory m = get(id);
    all().filter("id", m.id).update(Map.of("likeCount", F.of("likeCount").plus(1)));
  }

  private static Map<String, Object> checked(String title, String text) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String t = title == null ? "" : title.strip();
    String body = text == null ? "" : text;
    if (t.isEmpty()) {
      errors.put("title", List.of("A memory needs a title."));
    } else if (t.codePointCount(0, t.length()) > MAX_TITLE || t.length() > MAX_TITLE) {
      errors.put("title", List.of("Titles have at most " + MAX_TITLE + " characters."));
    }
    if (body.length() > MAX_TEXT) {
      errors.put("text", List.of("Texts have at most " + MAX_TEXT + " characters."));
    }
    if (!errors.isEmpty()) {
      throw new ValidationError(errors);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", t);
    values.put("text", body);
    return values;
  }

  /** The keyset position {@code createdAt|id}, opaque to clients. */
  record Cursor(Instant createdAt, long id) {
    String encode() {
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              (createdAt.toString() + "|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Cursor parse(String text) {
      try {
        String raw =
            new String(
                java.util.Base64.getUrlDecoder().decode(text),
                java.nio.charset.StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        return new Cursor(
            Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw new ValidationError("after", "Not a valid position.");
      }
    }
  }
}
