package io.vibevault.orm.tests.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.query.Statement;
import io.vibevault.orm.testkit.AllowNPlusOne;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.QueryAssertions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/** Guide, part 4 "Debugging queries": print the SQL, log it, count it, explain it. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebuggingGuideTest {

  @Order(1)
  @DbTest
  void printTheSql() {
    GuideData data = GuideData.seed();
    User user = data.demo();
    var qs = Memory.objects.filter("user", user);
    Statement statement = QueryAssertions.assertNoQueries(() -> qs.query()); // compiles, never runs
    System.out.println(statement);
    GuideSql.record("print", statement);
    assertThat(statement.params()).containsExactly(1L);
    assertThat(statement.sql()).contains("WHERE").doesNotContain("= 1");
    assertThat(statement.toString()).endsWith(" -- params: [1]");
  }

  @Order(2)
  @DbTest
  void logEveryStatement() {
    GuideData.seed();
    // logback.xml: <logger name="io.vibevault.orm.db" level="DEBUG"/>
    Logger logger = (Logger) LoggerFactory.getLogger("io.vibevault.orm.db");
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try {
      Memory.objects.filter("title", "Beach Day").count();
    } finally {
      logger.setLevel(before);
      logger.detachAppender(appender);
    }
    assertThat(appender.list).hasSize(1);
    ILoggingEvent event = appender.list.get(0);
    // One logger per alias: io.vibevault.orm.db.<alias>
    assertThat(event.getLoggerName())
        .isEqualTo("io.vibevault.orm.db." + Database.connection().alias());
    assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(event.getFormattedMessage())
        .matches("\\(\\d+\\.\\d{3} ms\\) SELECT COUNT\\(\\*\\) FROM .* \\[Beach Day\\]");
  }

  @Order(3)
  @DbTest
  @AllowNPlusOne("the guide counts the queries of a view that reads tags row by row")
  void countTheQueriesOfAView() {
    GuideData data = GuideData.seed();
    Runnable myView =
        () -> {
          User user = User.objects.get("username", "demo");
          for (Memory m : Memory.objects.filter("user", user)) {
            m.tags.all().list();
          }
        };
    List<CapturedQuery> queries = Database.captureQueries(myView);
    System.out.println(queries.size());
    assertThat(queries).hasSize(1 + 1 + 3);
    assertThat(queries.get(0).sql()).contains("username");
    assertThat(queries.get(0).params()).first().isEqualTo("demo");
    // In tests: QueryAssertions.assertNumQueries(5, myView)
    QueryAssertions.assertNumQueries(5, myView);
    assertThat(data.demo().id).isEqualTo(1L);
  }

  @Order(4)
  @DbTest
  void explain() {
    GuideData.seed();
    // The guide's cursor.execute("EXPLAIN SELECT ...") runs as written on every backend.
    try (Cursor cursor = Database.connection().cursor()) {
      cursor.execute("EXPLAIN SELECT * FROM memories WHERE user_id = 1");
      assertThat(cursor.fetchAll()).isNotEmpty();
    }
    // QuerySet.explain() asks for the plan of the query the QuerySet would send.
    String plan = Memory.objects.filter("user", 1).explain();
    System.out.println(plan);
    assertThat(plan).isNotBlank();
    GuideSql.record("explain", new Statement(plan, List.of()));
    if (GuideSql.vendor().equals("sqlite")) {
      assertThat(plan).contains("USING INDEX"); // EXPLAIN QUERY PLAN
    }
  }

  @Order(5)
  @DbTest
  void explainOptionsComeFromAnAllowlist() {
    GuideData.seed();
    var features = Database.connection().backend().features();
    QueryAssertions.assertNoQueries(
        () ->
            assertThatThrownBy(
                    () -> Memory.objects.all().explain(Map.of("ANALYZE; DROP TABLE x", "true")))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("Unknown EXPLAIN option"));
    if (features.explainOptions().isEmpty()) {
      assertThat(GuideSql.vendor()).isEqualTo("sqlite"); // EXPLAIN QUERY PLAN takes no options
      return;
    }
    // Option names in lower case, as the backend's allowlist spells them.
    assertThat(features.explainOptions()).contains("format", "analyze");
    String json = Memory.objects.filter("user", 1).explain(Map.of("format", "json"));
    assertThat(json).contains("{");
    String analyzed = Memory.objects.filter("user", 1).explain(Map.of("analyze", "true"));
    assertThat(analyzed).isNotBlank();
    GuideSql.record("explain.analyze", new Statement(analyzed, List.of()));
  }
}
