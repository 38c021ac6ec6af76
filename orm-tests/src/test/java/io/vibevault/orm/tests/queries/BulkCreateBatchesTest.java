package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Features;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.query.BulkCreateOptions;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * bulkCreate over more rows than one statement takes: every object gets its own row's key, keys are
 * never reused, and the whole call is one transaction, whichever way the backend sends the rows
 * (multi-row INSERTs, or on SQLite the first chunk so and the rest as a batch of single-row INSERTs
 * with the keys that follow).
 */
@DatabaseTest(models = {Product.class, Ticket.class})
class BulkCreateBatchesTest {
  private static final int ROWS = 1_500;

  private static List<Product> products(String prefix, int n) {
    List<Product> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Product.of(prefix + i, "product " + i, i));
    }
    return out;
  }

  private static List<CapturedQuery> inserts(List<CapturedQuery> ran) {
    return ran.stream().filter(q -> q.sql().stripLeading().startsWith("INSERT")).toList();
  }

  /** Each object's key is the key of the row holding its sku, and no two objects share one. */
  private static void assertEachKeyIsItsOwnRow(List<Product> products) {
    Map<Object, String> skuById = new HashMap<>();
    for (List<Object> row : Product.objects.valuesList("id", "sku")) {
      skuById.put(row.get(0), (String) row.get(1));
    }
    Set<Long> keys = new HashSet<>();
    for (Product p : products) {
      assertThat(p.id).as("key of %s", p.sku).isNotNull();
      assertThat(skuById.get(p.id)).as("the row of key %s", p.id).isEqualTo(p.sku);
      assertThat(keys.add(p.id)).as("key %s given twice", p.id).isTrue();
      assertThat(p.isPersisted()).isTrue();
    }
  }

  @DbTest
  void keysFollowTheLargestEverGivenAcrossStatements() {
    List<Product> first = products("F", 3);
    Product.objects.bulkCreate(first);
    long largest = first.get(2).id;
    Product.objects.filter("id__gt", first.get(0).id).delete();
    List<Product> products = products("S", ROWS);
    List<CapturedQuery> ran = Database.captureQueries(() -> Product.objects.bulkCreate(products));
    assertEachKeyIsItsOwnRow(products);
    assertThat(products).allSatisfy(p -> assertThat(p.id).isGreaterThan(largest));
    assertThat(Product.objects.count()).isEqualTo(ROWS + 1);
    Features features = Database.connection().backend().features();
    int perStatement = Math.min(features.bulkInsertParams(), features.maxQueryParams()) / 3;
    List<CapturedQuery> inserts = inserts(ran);
    assertThat(inserts).hasSize((ROWS + perStatement - 1) / perStatement);
    if (features.bulkInsertsRowBatches()) {
      assertThat(inserts.get(0).sql()).contains("RETURNING");
      assertThat(inserts.subList(1, inserts.size()))
          .as("after the first statement, one single-row INSERT per batch")
          .allSatisfy(
              q -> {
                assertThat(q.sql()).doesNotContain("), (").doesNotContain("RETURNING");
                assertThat(q.params().get(0).toString()).startsWith("batch of ");
              });
    }
    Product after = Product.objects.create("sku", "after", "name", "n", "price", 1);
    assertThat(after.id).isGreaterThan(products.get(ROWS - 1).id);
  }

  @DbTest
  void objectsWithTheirOwnKeysGoFirstAndTheOthersAvoidThem() {
    List<Product> products = products("M", ROWS);
    for (int i = 0; i < ROWS; i += 100) {
      products.get(i).id = 1_000_000L + i;
    }
    Product.objects.bulkCreate(products);
    assertEachKeyIsItsOwnRow(products);
    assertThat(products.get(100).id).isEqualTo(1_000_100L);
    assertThat(Product.objects.count()).isEqualTo(ROWS);
  }

  @DbTest
  void aConflictInALaterStatementRollsBackTheWholeCall() {
    Product.objects.create("sku", "S1400", "name", "original", "price", 1);
    List<Product> products = products("S", ROWS);
    assertThatThrownBy(() -> Product.objects.bulkCreate(products))
        .isInstanceOf(IntegrityError.class);
    assertThat(Product.objects.count()).isEqualTo(1);
    assertThat(Product.objects.get("sku", "S1400").name).isEqualTo("original");
  }

  @DbTest
  void ignoringConflictsAcrossStatementsKeepsTheExistingRows() {
    Product.objects.create("sku", "S1400", "name", "original", "price", 1);
    Product.objects.bulkCreate(
        products("S", ROWS), BulkCreateOptions.defaults().ignoreConflicts().batchSize(400));
    assertThat(Product.objects.count()).isEqualTo(ROWS);
    assertThat(Product.objects.get("sku", "S1400").name).isEqualTo("original");
    assertThat(Product.objects.get("sku", "S1499").price).isEqualTo(1499);
  }

  @DbTest
  void rowsOfNoColumnButTheKeyAreInsertedWithTheirDefaults() {
    Ticket first = Ticket.objects.create();
    List<Ticket> tickets = List.of(new Ticket(), new Ticket(), new Ticket());
    List<CapturedQuery> ran = Database.captureQueries(() -> Ticket.objects.bulkCreate(tickets));
    assertThat(inserts(ran)).as("one row per statement").hasSize(3);
    assertThat(tickets)
        .extracting(t -> t.id)
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).isGreaterThan(first.id));
    assertThat(Ticket.objects.orderBy("id").valuesList("id").flat().list())
        .containsExactly(first.id, tickets.get(0).id, tickets.get(1).id, tickets.get(2).id);
  }

  @DbTest
  void aTriggerInsertingIntoTheSameTableLeavesEveryKeyRight(TestDatabase db) {
    Assumptions.assumeFalse(
        db.vendor().equals("mariadb"), "MariaDB forbids a trigger to write its own table");
    var ops = db.backend().operations();
    String table = ops.quoteName("queries_product");
    String trigger = ops.quoteName("queries_product_copy");
    String copy =
        "INSERT INTO "
            + table
            + " (sku, name, price) VALUES ('copy-' || NEW.sku, NEW.name, NEW.price);";
    if (db.vendor().equals("sqlite")) {
      db.connection()
          .execute(
              "CREATE TRIGGER "
                  + trigger
                  + " AFTER INSERT ON "
                  + table
                  + " WHEN NEW.sku NOT LIKE 'copy-%' BEGIN "
                  + copy
                  + " END",
              List.of());
    } else {
      db.connection()
          .execute(
              "CREATE FUNCTION queries_product_copy_fn() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN "
                  + copy.replace("'", "''")
                  + " RETURN NULL; END'",
              List.of());
      db.connection()
          .execute(
              "CREATE TRIGGER "
                  + trigger
                  + " AFTER INSERT ON "
                  + table
                  + " FOR EACH ROW WHEN (NEW.sku NOT LIKE 'copy-%')"
                  + " EXECUTE FUNCTION queries_product_copy_fn()",
              List.of());
    }
    try {
      List<Product> products = products("T", ROWS);
      Product.objects.bulkCreate(products);
      assertEachKeyIsItsOwnRow(products);
      assertThat(Product.objects.count()).isEqualTo(2 * ROWS);
      assertThat(Product.objects.filter("sku__startswith", "copy-").count()).isEqualTo(ROWS);
    } finally {
      if (db.vendor().equals("sqlite")) {
        db.connection().execute("DROP TRIGGER " + trigger, List.of());
      } else {
        db.connection().execute("DROP TRIGGER " + trigger + " ON " + table, List.of());
        db.connection().execute("DROP FUNCTION queries_product_copy_fn()", List.of());
      }
    }
  }
}
