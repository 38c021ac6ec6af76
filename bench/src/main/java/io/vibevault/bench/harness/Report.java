package io.vibevault.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the runners' JSON lines ({@code raw-*.jsonl}), prints the table (median per operation,
 * ratio to hand-written JDBC per peer, the target for VibeVault) and writes {@code
 * results.json} in the format, plus {@code results-detail.json} with min, max, samples and
 * the W9 heap figures. A database whose lines include the Django column ({@code impl "django"},
 * SQLite only, from bench/django in a separate process) gets a further column.
 */
public final class Report {
  static final List<String> IMPLS = List.of("jdbc", "vibevault", "hibernate", "jooq");
  static final String DJANGO = "django";
  static final List<String> WORKLOADS =
      List.of("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10");

  private Report() {}

  /** The target for VibeVault's ratio to JDBC (server targets for MariaDB too). */
  static Double target(String workload, String database) {
    boolean sqlite = database.equals("sqlite");
    return switch (workload) {
      case "W1", "W4", "W5" -> sqlite ? 1.20 : 1.10;
      case "W2" -> sqlite ? 1.00 : 1.10;
      case "W3" -> sqlite ? 1.25 : 1.10;
      case "W6" -> 1.25; // primary keys are returned
      case "W7", "W8" -> 1.05;
      case "W9" -> sqlite ? 1.20 : 1.15;
      default -> null;
    };
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/target");
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // database -> workload -> impl -> line
    Map<String, Map<String, Map<String, JsonNode>>> all = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().matches("raw-.*\\.jsonl")).sorted().toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        all.computeIfAbsent(n.get("database").asText(), k -> new LinkedHashMap<>())
            .computeIfAbsent(n.get("workload").asText(), k -> new LinkedHashMap<>())
            .put(n.get("impl").asText(), n);
      }
    }
    ArrayNode results = json.createArrayNode();
    ArrayNode detail = json.createArrayNode();
    StringBuilder out = new StringBuilder();
    StringBuilder md = new StringBuilder();
    for (var db : all.entrySet()) {
      List<String> impls = impls(db.getValue());
      md.append(String.format("%n**%s** (median per operation; ratio to JDBC)%n%n", db.getKey()));
      md.append("| |");
      for (String impl : impls) {
        md.append(' ').append(impl).append(" |");
      }
      md.append(" VibeVault target |\n|---|").append("---|".repeat(impls.size() + 1)).append('\n');
      out.append(
          String.format(
              "%n== %s: median per operation (ratio to hand-written JDBC)%n", db.getKey()));
      out.append(String.format("%-4s", ""));
      for (String impl : impls) {
        out.append(String.format(" %22s", impl));
      }
      out.append(String.format("  %-22s%n", "VibeVault target"));
      StringBuilder rounds = new StringBuilder();
      for (String w : WORKLOADS) {
        Map<String, JsonNode> row = db.getValue().get(w);
        if (row == null) {
          continue;
        }
        JsonNode jdbc = row.get("jdbc");
        Long jdbcNs = ok(jdbc) ? jdbc.get("median_ns").asLong() : null;
        out.append(String.format("%-4s", w));
        md.append("| ").append(w).append(" |");
        for (String impl : impls) {
          JsonNode n = row.get(impl);
          String cell;
          if (n == null) {
            cell = "-";
          } else if (!ok(n)) {
            cell = n.get("status").asText();
          } else {
            long ns = n.get("median_ns").asLong();
            Double ratio = jdbcNs == null ? null : ns / (double) jdbcNs;
            cell =
                time(ns)
                    + (ratio == null || impl.equals("jdbc")
                        ? ""
                        : String.format(" (%.2fx)", ratio));
            if (w.equals("W9") && n.has("peak_heap_mb")) {
              cell += String.format(" %.0fMB", n.get("peak_heap_mb").asDouble());
            }
            ObjectNode r = results.addObject();
            r.put("workload", w);
            r.put("database", db.getKey());
            r.put("impl", impl);
            r.put("median_ns", ns);
            if (ratio == null) {
              r.putNull("ratio_to_jdbc");
            } else {
              r.put("ratio_to_jdbc", Math.round(ratio * 1000) / 1000.0);
            }
            if (w.equals("W9")) {
              r.put("peak_heap_mb", n.get("peak_heap_mb").asDouble());
            }
          }
          out.append(String.format(" %22s", cell));
          md.append(' ').append(cell).append(" |");
          if (n != null) {
            Double perRound =
                ok(n) && ok(jdbc) && IMPLS.contains(impl) && !impl.equals("jdbc")
                    ? roundRatio(n, jdbc)
                    : null;
            if (perRound != null) {
              ((ObjectNode) n).put("round_ratio_to_jdbc", Math.round(perRound * 1000) / 1000.0);
              if (impl.equals("vibevault")) {
                rounds.append(String.format(Locale.ROOT, " %s %.2fx,", w, perRound));
              }
            }
            detail.add(n);
          }
        }
        String verdict = verdict(w, db.getKey(), row, jdbcNs);
        out.append("  ").append(verdict).append('\n');
        md.append(' ').append(verdict).append(" |\n");
      }
      for (String w : WORKLOADS) {
        Map<String, JsonNode> row = db.getValue().get(w);
        if (row == null) {
          continue;
        }
        for (JsonNode n : row.values()) {
          String status = n.get("status").asText();
          // Django's W9/W10 "n/a" are said once, in the footnote below.
          if (n.has("note") && !status.equals("ok") && !status.equals("n/a")) {
            out.append(
                String.format(
                    "   %s %s %s: %s%n",
                    w, n.get("impl").asText(), n.get("status").asText(), n.get("note").asText()));
          }
        }
      }
      if (rounds.length() > 0) {
        out.append(
                "   vibevault round by round (median of its sample over JDBC's in the same round):")
            .append(rounds, 0, rounds.length() - 1)
            .append('\n');
      }
      if (impls.contains(DJANGO)) {
        out.append(djangoNote(db.getValue()));
      }
      Map<String, JsonNode> w9 = db.getValue().get("W9");
      if (w9 != null) {
        // Only the JVM peers stream (Django's W9 line is an n/a).
        StringBuilder heap = new StringBuilder();
        for (String impl : IMPLS) {
          JsonNode n = w9.get(impl);
          if (ok(n) && n.has("heap_growth_mb")) {
            heap.append(String.format(" %s %.1f MB;", impl, n.get("heap_growth_mb").asDouble()));
          }
        }
        if (heap.length() > 0) {
          out.append("   W9 live heap held by an open stream (after a full GC half-way):")
              .append(heap)
              .append(" max heap 64 MB\n");
        }
      }
    }
    System.out.print(out);
    json.writeValue(dir.resolve("results.json").toFile(), results);
    json.writeValue(dir.resolve("results-detail.json").toFile(), detail);
    Files.writeString(dir.resolve("table.txt"), out.toString());
    Files.writeString(dir.resolve("table.md"), md.toString());
    System.out.printf("%nwrote %s and results-detail.json%n", dir.resolve("results.json"));
  }

  /** The four JVM peers, and Django when this database has its lines (SQLite only). */
  static List<String> impls(Map<String, Map<String, JsonNode>> workloads) {
    for (Map<String, JsonNode> row : workloads.values()) {
      if (row.containsKey(DJANGO)) {
        List<String> impls = new ArrayList<>(IMPLS);
        impls.add(DJANGO);
        return impls;
      }
    }
    return IMPLS;
  }

  private static String djangoNote(Map<String, Map<String, JsonNode>> workloads) {
    for (Map<String, JsonNode> row : workloads.values()) {
      JsonNode n = row.get(DJANGO);
      if (n != null && n.has("django_version")) {
        return String.format(
            "   django: Django %s on CPython %s, the same SQLite file (SQLite only), run after the"
                + " JVMs in its own process (not in their alternating rounds), same operations per"
                + " sample as JDBC; W9, W10 n/a%n",
            n.get("django_version").asText(), n.get("python_version").asText());
      }
    }
    return "";
  }

  /**
   * The median over the rounds both peers sampled of the peer's sample divided by JDBC's sample of
   * the same round, or null without samples. The table's ratio divides two medians, the issue's
   * measure; this one pairs samples taken seconds apart, so a machine whose speed moves between
   * levels during a run (two, 1.7x apart, on one slow VM) mostly moves both halves of a pair alike,
   * where it can put one peer's median on one level and the other's on the other.
   */
  static Double roundRatio(JsonNode peer, JsonNode jdbc) {
    JsonNode a = peer.get("samples_ns");
    JsonNode b = jdbc.get("samples_ns");
    if (a == null || b == null) {
      return null;
    }
    int n = Math.min(a.size(), b.size());
    if (n == 0) {
      return null;
    }
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      ratios[i] = a.get(i).asDouble() / b.get(i).asDouble();
    }
    Arrays.sort(ratios);
    return ratios[n / 2];
  }

  private static boolean ok(JsonNode n) {
    return n != null && n.get("status").asText().equals("ok") && !n.get("median_ns").isNull();
  }

  private static String verdict(String w, String db, Map<String, JsonNode> row, Long jdbcNs) {
    JsonNode ours = row.get("vibevault");
    if (!ok(ours)) {
      return ours == null ? "" : ours.get("status").asText();
    }
    long ns = ours.get("median_ns").asLong();
    if (w.equals("W10")) {
      return String.format("< 20 us: %s", ns < 20_000 ? "met" : "MISSED");
    }
    Double target = target(w, db);
    if (target == null || jdbcNs == null) {
      return "";
    }
    double ratio = ns / (double) jdbcNs;
    List<String> slower = new ArrayList<>();
    for (String peer : List.of("hibernate", "jooq")) {
      JsonNode p = row.get(peer);
      if (ok(p) && p.get("median_ns").asLong() < ns) {
        slower.add(peer);
      }
    }
    return String.format(Locale.ROOT, "<= %.2f: %s", target, ratio <= target ? "met" : "MISSED")
        + (slower.isEmpty() || w.equals("W7") || w.equals("W8") ? "" : "; behind " + slower);
  }

  static String time(long ns) {
    if (ns >= 10_000_000) {
      return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }
    if (ns >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }
    if (ns >= 10_000) {
      return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
    }
    return String.format(Locale.ROOT, "%.2f us", ns / 1e3);
  }
}
