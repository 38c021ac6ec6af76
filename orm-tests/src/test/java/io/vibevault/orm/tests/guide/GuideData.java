package io.vibevault.orm.tests.guide;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows the guide's snippets run against: two users and five memories with fixed timestamps. Ids
 * restart at 1 for every test, so {@code id=5} is always "Park walk".
 *
 * <pre>
 *  id user   title            media  status   created (UTC)        metricsJson
 *   1 demo   Beach Day        photo  done     2024-07-04 09:30     sentiment: positive
 *   2 demo   Summer vacation  photo  pending  2024-08-01 10:00
 *   3 demo   Voice note       audio  NULL     2023-12-24 18:00
 *   4 alice  Vacation plans   text   done     2024-12-10 08:15     sentiment: negative
 *   5 alice  Park walk        text   failed   2024-01-15 16:45
 * </pre>
 *
 * Default ordering ({@code -createdAt}) gives ids 4, 2, 1, 5, 3.
 */
record GuideData(
    User demo, User alice, Memory beach, Memory vacation, Memory voice, Memory plans, Memory park) {

  /** Ids in the default ordering, newest first. */
  static final List<Long> NEWEST_FIRST = List.of(4L, 2L, 1L, 5L, 3L);

  /** The ids of memories, in the order given. */
  static List<Long> ids(Iterable<Memory> memories) {
    List<Long> out = new java.util.ArrayList<>();
    memories.forEach(m -> out.add(m.id));
    return out;
  }

  static GuideData seed() {
    User demo = User.objects.create("username", "demo", "email", "demo@example.com");
    User alice = User.objects.create("username", "alice", "email", "alice@example.com");
    Memory beach =
        memory(
            demo,
            "Beach Day",
            "Had fun at the beach",
            MediaType.PHOTO,
            AnalysisStatus.DONE,
            "2024-07-04T09:30:00Z",
            Map.of("sentiment", Map.of("label", "positive", "score", 0.9)));
    Memory vacation =
        memory(
            demo,
            "Summer vacation",
            "Two weeks in Lisbon",
            MediaType.PHOTO,
            AnalysisStatus.PENDING,
            "2024-08-01T10:00:00Z",
            Map.of());
    Memory voice =
        memory(
            demo,
            "Voice note",
            "Remember the milk",
            MediaType.AUDIO,
            null,
            "2023-12-24T18:00:00Z",
            Map.of());
    Memory plans =
        memory(
            alice,
            "Vacation plans",
            "Maybe Japan in spring",
            MediaType.TEXT,
            AnalysisStatus.DONE,
            "2024-12-10T08:15:00Z",
            Map.of("sentiment", Map.of("label", "negative", "score", -0.4)));
    Memory park =
        memory(
            alice,
            "Park walk",
            "Nice walk in the park",
            MediaType.TEXT,
            AnalysisStatus.FAILED,
            "2024-01-15T16:45:00Z",
            Map.of());
    return new GuideData(demo, alice, beach, vacation, voice, plans, park);
  }

  private static Memory memory(
      User user,
      String title,
      String text,
      MediaType mediaType,
      AnalysisStatus status,
      String createdAt,
      Map<String, Object> metrics) {
    Memory m = new Memory();
    m.user.set(user);
    m.title = title;
    m.text = text;
    m.mediaType = mediaType;
    m.mediaFile = "";
    m.analysisStatus = status;
    m.metricsJson = new LinkedHashMap<>(metrics);
    m.createdAt = Instant.parse(createdAt); // autoNowAdd only fills a null value
    m.save();
    return m;
  }
}
