package io.vibevault.orm.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vibevault.orm.Database;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.Apps;
import io.vibevault.orm.transaction.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every conformance case on one database: loads the fixture once, runs each case inside an
 * atomic block that is rolled back (id sequences reset before each writing case), compares with
 * Django's answer for that backend, and builds the report.
 *
 * <p>A case's query count is every statement it sent on this thread except transaction control; it
 * is checked for the select_related, prefetch_related and only_defer groups and for cases whose
 * description mentions queries.
 */
public final class ConformanceRunner {
  /** How a case ended. */
  public enum Status {
    PASS,
    FAIL,
    TODO;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One case's outcome: status, for a failure what differed (with the SQL sent), and the canonical
   * value the case produced (null when it raised a non-Django error or is todo).
   */
  public record Outcome(String id, Status status, String detail, long millis, JsonNode actual) {
    Outcome(String id, Status status, String detail, long millis) {
      this(id, status, detail, millis, null);
    }
  }

  /** Set to {@code 1} to add every case's actual canonical value to the report. */
  static final String DUMP_VARIABLE = "VIBEVAULT_CONFORMANCE_ACTUAL";

  private final String backend;
  private final String alias;
  private final ExpectedResults expected;
  private final Map<String, Cases.Case> cases;
  private final Set<String> expectedPasses;
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private String setupError;
  private FixtureLoader loader;
  private String baseline;

  /**
   * @param backend {@code sqlite}, {@code postgresql} or {@code mariadb}
   * @param alias the alias holding the conformance tables ({@code default} links to it)
   */
  public ConformanceRunner(String backend, String alias) {
    this.backend = backend;
    this.alias = alias;
    this.expected = ExpectedResults.forBackend(backend);
    this.cases = Cases.all();
    this.expectedPasses = expectedPasses(backend);
  }

  /** The ids listed in {@code conformance/expected-passes-<backend>.txt} (test resources). */
  public static Set<String> expectedPasses(String backend) {
    Set<String> ids = new LinkedHashSet<>();
    String resource = "/conformance/expected-passes-" + backend + ".txt";
    try (InputStream in = ConformanceRunner.class.getResourceAsStream(resource)) {
      if (in == null) {
        return ids;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String id = line.replaceAll("#.*", "").trim();
        if (!id.isEmpty()) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** Loads the fixture (the tables exist), then runs every case of the expected files in order. */
  @SuppressWarnings("unchecked")
  public void runAll() {
    Apps.global().register(FixtureLoader.MODELS.toArray(Class[]::new));
    try {
      loader = new FixtureLoader(ExpectedResults.fixtureFile());
      long start = System.nanoTime();
      loader.load(alias);
      notes.add("fixture loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      baseline = snapshot();
    } catch (RuntimeException | Error e) {
      setupError = "fixture did not load: " + describe(e);
    }
    for (ExpectedResults.Expected e : expected.cases().values()) {
      Outcome o;
      if (setupError != null) {
        o = new Outcome(e.id(), Status.FAIL, setupError, 0);
      } else {
        o = run(cases.get(e.id()), e);
      }
      outcomes.put(e.id(), o);
    }
    for (String id : cases.keySet()) {
      if (expected.get(id) == null) {
        notes.add("case " + id + " is registered but has no expected result");
      }
    }
  }

  private Outcome run(Cases.Case c, ExpectedResults.Expected e) {
    if (c == null) {
      return new Outcome(e.id(), Status.TODO, "not written", 0);
    }
    if (c.isTodo()) {
      return new Outcome(e.id(), Status.TODO, c.todo(), 0);
    }
    long start = System.nanoTime();
    AtomicReference<JsonNode> value = new AtomicReference<>();
    AtomicReference<Throwable> raised = new AtomicReference<>();
    List<CapturedQuery> captured = List.of();
    String leak = null;
    try {
      if (c.writes()) {
        FixtureLoader.resetSequences(alias);
      }
      captured =
          Database.captureQueries(
              () ->
                  Transaction.using(alias)
                      .run(
                          () -> {
                            try {
                              value.set(CanonicalJson.encode(c.body().run()));
                            } catch (Throwable t) {
                              raised.set(t);
                              JsonNode ex = CanonicalJson.encodeException(t);
                              if (ex != null) {
                                value.set(ex);
                              }
                            }
                            Transaction.setRollback(true);
                          }));
    } catch (RuntimeException | Error t) {
      // Resetting sequences or leaving the atomic block failed.
      if (value.get() == null) {
        raised.set(t);
      } else {
        notes.add(e.id() + ": the rollback of its atomic block failed: " + describe(t));
      }
    } finally {
      if (c.writes() || raised.get() != null) {
        leak = checkIntact();
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<CapturedQuery> statements =
        captured.stream().filter(q -> !isTransactionControl(q)).toList();
    String detail = null;
    JsonNode actual = value.get();
    if (actual == null) {
      detail = "raised " + describe(raised.get());
    } else {
      String diff = CanonicalJson.compare(e.result(), actual, e.ordered());
      if (diff != null) {
        detail = diff;
        if (raised.get() != null) {
          detail += " (raised " + describe(raised.get()) + ")";
        }
      } else if (e.checkQueryCount() && statements.size() != e.queryCount()) {
        detail = "expected " + e.queryCount() + " queries but ran " + statements.size();
      }
    }
    if (leak != null) {
      notes.add(e.id() + ": " + leak);
    }
    if (detail == null) {
      return new Outcome(e.id(), Status.PASS, null, millis, actual);
    }
    return new Outcome(e.id(), Status.FAIL, detail + sqlOf(statements), millis, actual);
  }

  private static boolean isTransactionControl(CapturedQuery q) {
    String s = q.sql().stripLeading().toUpperCase(Locale.ROOT);
    return q.isTransactionControl() || s.startsWith("START TRANSACTION");
  }

  private static String sqlOf(List<CapturedQuery> statements) {
    if (statements.isEmpty()) {
      return " [no SQL]";
    }
    StringBuilder b = new StringBuilder(" [SQL:");
    int shown = 0;
    for (CapturedQuery q : statements) {
      if (shown++ == 4) {
        b.append(" ... ").append(statements.size() - 4).append(" more");
        break;
      }
      String s = q.toString();
      b.append(" ").append(shown).append(") ").append(s.length() > 600 ? s.substring(0, 600) : s);
    }
    return b.append(']').toString();
  }

  static String describe(Throwable t) {
    if (t == null) {
      return "nothing";
    }
    StringBuilder b = new StringBuilder(t.getClass().getSimpleName()).append(": ");
    b.append(t.getMessage());
    for (StackTraceElement el : t.getStackTrace()) {
      if (el.getClassName().startsWith("io.vibevault.orm")
          && !el.getClassName().startsWith("io.vibevault.orm.tests")) {
        b.append(" at ").append(el);
        break;
      }
    }
    if (t.getCause() != null && t.getCause() != t) {
      b.append(" (cause: ")
          .append(t.getCause().getClass().getSimpleName())
          .append(": ")
          .append(t.getCause().getMessage())
          .append(')');
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ fixture integrity

  /**
   * Row counts and a few sums over every table: a case that leaks writes past its rollback changes
   * them, and the fixture is then loaded again.
   */
  private String snapshot() {
    List<String> queries =
        List.of(
            "SELECT COUNT(*), SUM(id), SUM(CASE WHEN is_active THEN 1 ELSE 0 END) FROM vault_user",
            "SELECT COUNT(*), SUM(id) FROM vault_profile",
            "SELECT COUNT(*), SUM(id), SUM(LENGTH(name)) FROM vault_tag",
            "SELECT COUNT(*), SUM(view_count), SUM(like_count), COUNT(analysis_status),"
                + " SUM(CASE WHEN is_deleted THEN 1 ELSE 0 END), SUM(LENGTH(title)) FROM memories",
            "SELECT COUNT(*), SUM(tag_id), SUM(memory_id) FROM memories_tags",
            "SELECT COUNT(*), SUM(manager_id) FROM vault_employee",
            "SELECT COUNT(*), SUM(id) FROM vault_account");
    StringBuilder b = new StringBuilder();
    try (Cursor cursor = Database.connection(alias).cursor()) {
      for (String q : queries) {
        Object[] row = cursor.execute(q).fetchOne();
        for (Object o : row) {
          b.append(o instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(o))
              .append(' ');
        }
        b.append("| ");
      }
    }
    return b.toString();
  }

  /** Null when the data still matches the fixture; else what happened (and reloads it). */
  private String checkIntact() {
    try {
      if (Database.connection(alias).inAtomicBlock()) {
        return "left a transaction open on the connection";
      }
      String now = snapshot();
      if (now.equals(baseline)) {
        return null;
      }
      loader.reload(alias);
      String reloaded = snapshot();
      return "writes survived the rollback ("
          + now
          + " vs "
          + baseline
          + "); fixture reloaded"
          + (reloaded.equals(baseline) ? "" : " BUT STILL DIFFERS: " + reloaded);
    } catch (RuntimeException e) {
      return "could not check the fixture: " + describe(e);
    }
  }

  // ------------------------------------------------------------------ report

  public Map<String, Outcome> outcomes() {
    return outcomes;
  }

  /** Expected passes that did not pass (including ids unknown to the suite). */
  public List<String> regressions() {
    List<String> out = new ArrayList<>();
    for (String id : expectedPasses) {
      Outcome o = outcomes.get(id);
      if (o == null) {
        out.add(id + ": not a conformance case id");
      } else if (o.status() != Status.PASS) {
        out.add(id + " (" + o.status().label() + "): " + o.detail());
      }
    }
    return out;
  }

  /** Cases that pass but are not yet listed in the expected-passes file. */
  public List<String> newPasses() {
    return outcomes.values().stream()
        .filter(o -> o.status() == Status.PASS && !expectedPasses.contains(o.id()))
        .map(Outcome::id)
        .toList();
  }

  public Set<String> expectedPassIds() {
    return expectedPasses;
  }

  public String setupError() {
    return setupError;
  }

  /** The report: {@code {"cases": {"S001": "pass", ...}, "deviations": {...}, ...}}. */
  public ObjectNode report() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("backend", backend);
    ObjectNode summary = root.putObject("summary");
    for (Status s : Status.values()) {
      summary.put(s.label(), outcomes.values().stream().filter(o -> o.status() == s).count());
    }
    ObjectNode cs = root.putObject("cases");
    outcomes.forEach((id, o) -> cs.put(id, o.status().label()));
    ObjectNode deviations = root.putObject("deviations");
    for (ExpectedResults.Expected e : expected.cases().values()) {
      if (e.deviation() != null) {
        deviations.put(e.id(), e.deviation());
      }
    }
    ObjectNode groups = root.putObject("groups");
    for (ExpectedResults.Expected e : expected.cases().values()) {
      ObjectNode g = groups.has(e.group()) ? (ObjectNode) groups.get(e.group()) : null;
      if (g == null) {
        g = groups.putObject(e.group());
        for (Status s : Status.values()) {
          g.put(s.label(), 0);
        }
      }
      String label = outcomes.get(e.id()).status().label();
      g.put(label, g.get(label).asInt() + 1);
    }
    ObjectNode failures = root.putObject("failures");
    ObjectNode todo = root.putObject("todo");
    outcomes.forEach(
        (id, o) -> {
          if (o.status() == Status.FAIL) {
            failures.put(id, o.detail());
          } else if (o.status() == Status.TODO) {
            todo.put(id, o.detail());
          }
        });
    if (setupError != null) {
      root.put("setup_error", setupError);
    }
    if ("1".equals(System.getenv(DUMP_VARIABLE))
        || Boolean.getBoolean("vibevault.conformance.actual")) {
      ObjectNode actual = root.putObject("actual");
      outcomes.forEach(
          (id, o) -> {
            if (o.actual() != null) {
              actual.set(id, CanonicalJson.toReport(o.actual()));
            }
          });
    }
    var regressions = root.putArray("regressions");
    regressions().forEach(regressions::add);
    var fresh = root.putArray("new_passes");
    newPasses().forEach(fresh::add);
    var ns = root.putArray("notes");
    notes.forEach(ns::add);
    return root;
  }

  /** Writes {@code target/conformance-<backend>.json} under the module directory. */
  public Path writeReport() {
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    Path file = target.resolve("conformance-" + backend + ".json");
    try {
      Files.createDirectories(target);
      CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return file;
  }
}
