package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.query.Statement;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.Map;
import java.util.Set;

/** query() shows the SQL with its parameters apart; explain() runs EXPLAIN with checked options. */
@DatabaseTest(models = {Product.class})
class QueryAndExplainTest {

  @DbTest
  void queryShowsSqlWithoutSplicingValues() {
    String hostile = "O'Brien'; DROP TABLE queries_product; --";
    Statement st =
        assertNoQueries(
            () -> Product.objects.filter("name", hostile, "price__gt", 41).orderBy("-sku").query());
    assertThat(st.sql()).startsWith("SELECT").contains("WHERE").contains("ORDER BY");
    assertThat(st.sql()).doesNotContain("O'Brien").doesNotContain("41");
    assertThat(st.params()).containsExactly(hostile, 41L);
    assertThat(st.toString()).contains(st.sql()).contains("params");
    var ran =
        Database.captureQueries(
            () -> Product.objects.filter("name", hostile, "price__gt", 41).orderBy("-sku").list());
    assertThat(ran.get(0).sql()).isEqualTo(st.sql());
    assertThat(ran.get(0).params()).isEqualTo(st.params());
    Product.objects.create("sku", "A", "name", hostile, "price", 42);
    assertThat(Product.objects.filter("name", hostile).count()).isEqualTo(1);
  }

  @DbTest
  void queryOfAnEmptyQuerySetSaysSo() {
    assertThat(assertNoQueries(() -> Product.objects.none().query().sql())).contains("nothing");
  }

  @DbTest
  void explainReturnsThePlan() {
    Product.objects.create("sku", "A", "name", "a");
    var ran =
        Database.captureQueries(
            () -> assertThat(Product.objects.filter("sku", "A").explain()).isNotBlank());
    assertThat(ran).hasSize(1);
    assertThat(ran.get(0).sql()).startsWith("EXPLAIN");
  }

  @DbTest
  void explainWithAnAllowedOption(TestDatabase db) {
    Product.objects.create("sku", "A", "name", "a");
    Set<String> allowed = db.features().explainOptions();
    if (allowed.contains("format")) {
      String plan = Product.objects.filter("sku", "A").explain(Map.of("format", "json"));
      assertThat(plan).contains("{");
    } else {
      assertThat(allowed).as("%s allows no EXPLAIN options", db.vendor()).isEmpty();
    }
  }

  @DbTest
  void explainRefusesOptionsOutsideTheAllowlistBeforeSql(TestDatabase db) {
    var ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(
                      () ->
                          Product.objects.all().explain(Map.of("costs) DELETE FROM x; --", "true")))
                  .isInstanceOf(ArgumentError.class)
                  .hasMessageContaining("allowed");
              if (db.features().explainOptions().contains("format")) {
                assertThatThrownBy(
                        () ->
                            Product.objects.all().explain(Map.of("format", "json) ; DROP TABLE x")))
                    .isInstanceOf(IllegalArgumentException.class);
              }
            });
    assertThat(ran).isEmpty();
  }
}
