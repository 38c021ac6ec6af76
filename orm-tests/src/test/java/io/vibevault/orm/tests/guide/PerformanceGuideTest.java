package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.query.ResultIterator;
import io.vibevault.orm.testkit.AllowNPlusOne;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Guide, part 4 "Performance tips": the N+1 problem, and tips 3 to 8 of the optimisation checklist
 * (tip 1, selectRelated / prefetchRelated, comes with its own issue; tip 2 is in {@link
 * AdvancedPatternsGuideTest}).
 */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerformanceGuideTest {

  @Order(1)
  @DbTest
  @AllowNPlusOne("the guide's N+1 problem, shown and counted")
  void theNPlusOneProblem() {
    GuideData.seed();
    List<String> owners = new ArrayList<>();
    // memories = Memory.objects.all(); for memory in memories: print(memory.user.username)
    assertNumQueries(
        1 + 5,
        () -> {
          List<Memory> memories = Memory.objects.all().list();
          for (Memory memory : memories) {
            owners.add(memory.user.get().username); // one query per memory: visible, countable
          }
        });
    assertThat(owners).containsExactly("alice", "demo", "demo", "alice", "demo");
    // values() across the relation answers in one query, until selectRelated("user") arrives.
    assertNumQueries(1, () -> Memory.objects.values("title", "user__username").list());
  }

  @Order(3)
  @DbTest
  void tip3ValuesWhenYouDontNeedObjects() {
    GuideData.seed();
    var rows = Memory.objects.values("id", "title");
    GuideSql.record("tip3.values", rows.query());
    List<Map<String, Object>> list = assertNumQueries(1, () -> rows.list());
    assertThat(list.get(0)).containsOnlyKeys("id", "title");
    List<String> titles = Memory.objects.valuesList("title").<String>flat().list();
    assertThat(titles).hasSize(5);
  }

  @Order(4)
  @DbTest
  void tip4ExistsInsteadOfCount() {
    GuideData data = GuideData.seed();
    User user = data.demo();
    List<CapturedQuery> better =
        Database.captureQueries(
            () -> assertThat(Memory.objects.filter("user", user).exists()).isTrue());
    List<CapturedQuery> worse =
        Database.captureQueries(
            () -> assertThat(Memory.objects.filter("user", user).count() > 0).isTrue());
    GuideSql.run("tip4.exists", () -> Memory.objects.filter("user", user).exists());
    GuideSql.run("tip4.count", () -> Memory.objects.filter("user", user).count());
    assertThat(better).hasSize(1);
    assertThat(worse).hasSize(1);
    assertThat(better.get(0).sql()).doesNotContain("COUNT"); // stops at the first row
    assertThat(worse.get(0).sql()).contains("COUNT(*)"); // counts every row
  }

  @Order(5)
  @DbTest
  void tip5UpdateInOneQuery() {
    GuideData.seed();
    Memory.objects.all().update("analysisStatus", "pending");
    long changed =
        assertNumQueries(
            1,
            () ->
                GuideSql.capture(
                    "tip5.update",
                    () ->
                        Memory.objects
                            .filter("analysisStatus", "pending")
                            .update("analysisStatus", "done")));
    assertThat(changed).isEqualTo(5);

    Memory.objects.all().update("analysisStatus", "pending");
    // vs: N queries (plus the SELECT)
    assertNumQueries(
        1 + 5,
        () -> {
          for (Memory m : Memory.objects.filter("analysisStatus", "pending")) {
            m.analysisStatus = AnalysisStatus.DONE;
            m.save();
          }
        });
    assertThat(Memory.objects.filter("analysisStatus", "done").count()).isEqualTo(5);
  }

  @Order(6)
  @DbTest
  void tip6BulkCreateForManyInserts() {
    User user = User.objects.create("username", "demo");
    List<Memory> memoriesList = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Memory m = new Memory();
      m.user.set(user);
      m.title = "Memory " + i;
      m.text = "";
      m.mediaType = MediaType.TEXT;
      m.mediaFile = "";
      memoriesList.add(m);
    }
    List<CapturedQuery> ran =
        Database.captureQueries(() -> Memory.objects.bulkCreate(memoriesList));
    long inserts = ran.stream().filter(q -> q.sql().startsWith("INSERT")).count();
    assertThat(inserts).isEqualTo(1); // one multi-row INSERT ... RETURNING
    assertThat(memoriesList).allMatch(m -> m.id != null);
    assertThat(Memory.objects.count()).isEqualTo(100);
  }

  @Order(7)
  @DbTest
  void tip7IndexFrequentlyFilteredColumns() {
    ModelMeta meta = ModelMeta.of(Memory.class);
    assertThat(meta.field("user").isDbIndex()).isTrue(); // foreign keys are indexed
    assertThat(meta.field("analysisStatus").isDbIndex()).isTrue(); // dbIndex = true
    assertThat(meta.indexes())
        .anySatisfy(i -> assertThat(i.fields()).containsExactly("user", "createdAt"));

    Map<String, List<String>> indexes = new LinkedHashMap<>();
    String sql =
        switch (GuideSql.vendor()) {
          case "sqlite" ->
              "SELECT il.name, ii.name FROM pragma_index_list('memories') il,"
                  + " pragma_index_info(il.name) ii ORDER BY il.name, ii.seqno";
          case "postgresql" ->
              "SELECT i.relname, a.attname FROM pg_index x"
                  + " JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid"
                  + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(x.indkey)"
                  + " WHERE t.relname = 'memories' AND t.relnamespace = current_schema()::regnamespace"
                  + " ORDER BY i.relname, array_position(x.indkey::int2[], a.attnum)";
          default ->
              "SELECT index_name, column_name FROM information_schema.statistics"
                  + " WHERE table_schema = DATABASE() AND table_name = 'memories'"
                  + " ORDER BY index_name, seq_in_index";
        };
    try (Cursor c = Database.connection().cursor()) {
      for (Object[] row : c.execute(sql).fetchAll()) {
        indexes.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
      }
    }
    assertThat(indexes.values())
        .contains(List.of("user_id", "created_at"), List.of("analysis_status"));
    assertThat(indexes.values()).anySatisfy(cols -> assertThat(cols.get(0)).isEqualTo("user_id"));
  }

  @Order(8)
  @DbTest
  void tip8IteratorForLargeQuerySets() {
    GuideData.seed();
    List<String> processed = new ArrayList<>();
    assertNumQueries(
        1,
        () -> {
          try (ResultIterator<Memory> it = Memory.objects.all().iterator(2000)) {
            while (it.hasNext()) {
              processed.add(it.next().title); // rows are not cached on the QuerySet
            }
          }
        });
    assertThat(processed).hasSize(5).first().isEqualTo("Vacation plans");
    // Small chunks give the same rows
    List<Long> ids = new ArrayList<>();
    try (ResultIterator<Memory> it = Memory.objects.all().iterator(2)) {
      it.forEachRemaining(m -> ids.add(m.id));
    }
    assertThat(ids).isEqualTo(GuideData.NEWEST_FIRST);
  }
}
