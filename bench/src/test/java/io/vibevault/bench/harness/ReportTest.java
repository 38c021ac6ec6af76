package io.vibevault.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report merges the Django column's lines (another file, SQLite only) with the JVM peers'. */
class ReportTest {
  @TempDir Path dir;

  @Test
  void djangoIsAFurtherColumnOnSqliteWithItsRatioToJdbc() throws Exception {
    Files.writeString(
        dir.resolve("raw-sqlite.jsonl"),
        line("W1", "sqlite", "jdbc", "ok", 10_000_000L, "")
            + line("W1", "sqlite", "vibevault", "ok", 11_000_000L, "")
            + line("W9", "sqlite", "jdbc", "ok", 200_000_000L, ",\"peak_heap_mb\":20.0"));
    Files.writeString(
        dir.resolve("raw-postgresql.jsonl"),
        line("W1", "postgresql", "jdbc", "ok", 8_000_000L, ""));
    String versions = ",\"django_version\":\"3.2.25\",\"python_version\":\"3.11.2\"";
    Files.writeString(
        dir.resolve("raw-sqlite-django.jsonl"),
        line("W1", "sqlite", "django", "ok", 45_000_000L, versions)
            + line(
                "W9", "sqlite", "django", "n/a", null, ",\"note\":\"n/a: JVM only\"" + versions));

    String table = run();

    JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    List<String> rows = new ArrayList<>();
    for (JsonNode r : results) {
      rows.add(
          r.get("workload").asText()
              + " "
              + r.get("database").asText()
              + " "
              + r.get("impl").asText()
              + " "
              + r.get("ratio_to_jdbc").asText());
    }
    // Only measured rows go to results.json (files in name order); Django's n/a W9 does not.
    assertThat(rows)
        .containsExactly(
            "W1 postgresql jdbc 1.0",
            "W1 sqlite jdbc 1.0",
            "W1 sqlite vibevault 1.1",
            "W1 sqlite django 4.5",
            "W9 sqlite jdbc 1.0");
    String postgresql = table.substring(0, table.indexOf("== sqlite"));
    String sqlite = table.substring(table.indexOf("== sqlite"));
    assertThat(sqlite).contains("django").contains("45.0 ms (4.50x)").contains("Django 3.2.25");
    assertThat(sqlite).doesNotContain("JVM only");
    assertThat(sqlite.lines().filter(l -> l.startsWith("W9")).findFirst().orElseThrow())
        .endsWith("n/a  ");
    // No Django column where Django did not run.
    assertThat(postgresql).doesNotContain("django");
    assertThat(Files.readString(dir.resolve("table.md")))
        .contains("| | jdbc | vibevault | hibernate | jooq | django | VibeVault target |");
  }

  private String run() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      Report.main(new String[] {dir.toString()});
    } finally {
      System.setOut(stdout);
    }
    return Files.readString(dir.resolve("table.txt"));
  }

  private static String line(
      String workload, String database, String impl, String status, Long ns, String extra) {
    return String.format(
        "{\"workload\":\"%s\",\"database\":\"%s\",\"impl\":\"%s\",\"status\":\"%s\","
            + "\"median_ns\":%s%s}%n",
        workload, database, impl, status, ns, extra);
  }
}
