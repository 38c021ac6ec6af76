package io.vibevault.orm.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Django's answers from {@code shared/conformance/expected_*.json}, chosen per backend:
 *
 * <ul>
 *   <li>SQLite: SQLite's answer, except the deliberate deviations (L003, L005: our SQLite pattern
 *       lookups are case-sensitive; B001: bulkCreate sets primary keys), which take PostgreSQL's.
 *   <li>PostgreSQL: PostgreSQL's answer.
 *   <li>MariaDB/MySQL: the answer where SQLite and PostgreSQL agree; where they differ,
 *       PostgreSQL's, except NULL placement (OS004), which follows SQLite (NULLs first ascending).
 * </ul>
 */
public final class ExpectedResults {
  /** Cases where we give PostgreSQL's answer on SQLite, and why. */
  public static final Map<String, String> SQLITE_DEVIATIONS =
      Map.of(
          "L003",
          "contains is case-sensitive on every backend (Django's SQLite LIKE ignores ASCII case)",
          "L005",
          "startswith is case-sensitive on every backend (Django's SQLite LIKE ignores ASCII case)",
          "B001",
          "bulkCreate sets primary keys on every backend (Django 3.2 leaves them null on SQLite)");

  /** Cases where we give PostgreSQL's answer on MariaDB/MySQL instead of the SQLite one. */
  private static final Set<String> NULLS_FIRST_CASES = Set.of("OS004");

  private static final Pattern MENTIONS_QUERIES =
      Pattern.compile("\\bquer(y|ies)\\b", Pattern.CASE_INSENSITIVE);
  private static final Set<String> QUERY_COUNT_GROUPS =
      Set.of("select_related", "prefetch_related", "only_defer");

  /** One case's expectation on one backend. */
  public record Expected(
      String id,
      String group,
      String description,
      String source,
      JsonNode result,
      boolean ordered,
      int queryCount,
      boolean checkQueryCount,
      String deviation) {}

  private final Map<String, Expected> cases;

  private ExpectedResults(Map<String, Expected> cases) {
    this.cases = cases;
  }

  /** The expectations for a backend name ({@code sqlite}, {@code postgresql}, {@code mariadb}). */
  public static ExpectedResults forBackend(String backend) {
    Path dir = conformanceDir();
    JsonNode sqlite = read(dir.resolve("expected_sqlite.json")).get("cases");
    JsonNode postgres = read(dir.resolve("expected_postgresql.json")).get("cases");
    Map<String, Expected> out = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    sqlite.fieldNames().forEachRemaining(ids::add);
    for (String id : ids) {
      JsonNode s = sqlite.get(id);
      JsonNode p = postgres.get(id);
      JsonNode chosen;
      String deviation = null;
      switch (backend) {
        case "sqlite" -> {
          if (SQLITE_DEVIATIONS.containsKey(id)) {
            chosen = p;
            deviation = SQLITE_DEVIATIONS.get(id);
          } else {
            chosen = s;
          }
        }
        case "postgresql" -> chosen = p;
        default -> {
          boolean agree =
              s.get("result").equals(p.get("result"))
                  && s.get("ordered").equals(p.get("ordered"))
                  && s.get("query_count").equals(p.get("query_count"));
          chosen = agree ? p : NULLS_FIRST_CASES.contains(id) ? s : p;
        }
      }
      String description = chosen.path("description").asText("");
      String group = chosen.path("group").asText("");
      out.put(
          id,
          new Expected(
              id,
              group,
              description,
              chosen.path("source").asText(""),
              chosen.get("result"),
              chosen.path("ordered").asBoolean(true),
              chosen.path("query_count").asInt(-1),
              QUERY_COUNT_GROUPS.contains(group) || MENTIONS_QUERIES.matcher(description).find(),
              deviation));
    }
    return new ExpectedResults(Collections.unmodifiableMap(out));
  }

  public Map<String, Expected> cases() {
    return cases;
  }

  public Expected get(String id) {
    return cases.get(id);
  }

  /** The fixture file. */
  public static Path fixtureFile() {
    return conformanceDir().resolve("fixture.json");
  }

  /**
   * {@code shared/conformance}: {@code $VIBEVAULT_SHARED_DIR} (surefire sets it), else {@code
   * ../../shared} or {@code ../shared} from the working directory.
   */
  public static Path conformanceDir() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("VIBEVAULT_SHARED_DIR");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    String prop = System.getProperty("vibevault.sharedDir");
    if (prop != null && !prop.isBlank()) {
      candidates.add(Path.of(prop));
    }
    candidates.add(Path.of("../../shared"));
    candidates.add(Path.of("../shared"));
    candidates.add(Path.of("shared"));
    for (Path c : candidates) {
      Path dir = c.resolve("conformance");
      if (Files.isRegularFile(dir.resolve("expected_sqlite.json"))) {
        return dir.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "Cannot find shared/conformance (tried "
            + candidates
            + " from "
            + Path.of("").toAbsolutePath()
            + "); set VIBEVAULT_SHARED_DIR");
  }

  static JsonNode read(Path file) {
    try {
      return CanonicalJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
