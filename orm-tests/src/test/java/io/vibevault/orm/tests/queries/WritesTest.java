package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.BulkCreateOptions;
import io.vibevault.orm.query.DeleteResult;
import io.vibevault.orm.query.GetOrCreateResult;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** create, getOrCreate, updateOrCreate, update, delete, bulkCreate and bulkUpdate. */
@DatabaseTest(models = {Writer.class, Book.class, Product.class})
class WritesTest {

  private static long statements(List<CapturedQuery> ran, String prefix) {
    return ran.stream()
        .filter(q -> !q.isTransactionControl())
        .filter(q -> q.sql().stripLeading().toUpperCase().startsWith(prefix))
        .count();
  }

  @DbTest
  void createSavesAndReturnsTheObject() {
    Writer ada = assertNumQueries(1, () -> Writer.objects.create("name", "ada", "country", "UK"));
    assertThat(ada.id).isNotNull();
    assertThat(ada.isPersisted()).isTrue();
    Writer again = Writer.objects.get("pk", ada.id);
    assertThat(again.country).isEqualTo("UK");
    Book b = Book.objects.create(Map.of("title", "Notes", "author", ada, "pages", 12));
    assertThat(Book.objects.get("pk", b.id).author.id()).isEqualTo(ada.id);
    Book byId = Book.objects.create("title", "By id", "authorId", ada.id);
    assertThat(byId.author.id()).isEqualTo(ada.id);
    var ran =
        Database.captureQueries(
            () ->
                assertThatThrownBy(() -> Writer.objects.create("name", "x", "shoeSize", 9))
                    .isInstanceOf(FieldError.class)
                    .hasMessageContaining("shoeSize"));
    assertThat(ran).isEmpty();
    assertThatThrownBy(() -> Writer.objects.create("name", "ada"))
        .isInstanceOf(IntegrityError.class);
  }

  @DbTest
  void managerUpdateTouchesEveryRowInOneStatement() {
    Writer.objects.create("name", "ada", "country", "UK");
    Writer.objects.create("name", "bob", "country", "FR");
    long changed = assertNumQueries(1, () -> Writer.objects.update("country", "NL"));
    assertThat(changed).isEqualTo(2);
    assertThat(Writer.objects.filter("country", "NL").count()).isEqualTo(2);
    assertThatThrownBy(() -> Writer.objects.update("country"))
        .isInstanceOf(io.vibevault.orm.exception.ArgumentError.class);
  }

  @DbTest
  void getOrCreate() {
    GetOrCreateResult<Writer> first =
        Writer.objects.getOrCreate(Map.of("name", "ada"), Map.of("country", "UK"));
    assertThat(first.created()).isTrue();
    assertThat(first.object().country).isEqualTo("UK");
    GetOrCreateResult<Writer> second =
        Writer.objects.getOrCreate(Map.of("name", "ada"), Map.of("country", "FR"));
    assertThat(second.created()).isFalse();
    assertThat(second.object()).isEqualTo(first.object());
    assertThat(second.object().country).as("defaults only apply when creating").isEqualTo("UK");
    GetOrCreateResult<Writer> iexact =
        Writer.objects.getOrCreate(Map.of("name__iexact", "ADA"), Map.of("name", "Ada"));
    assertThat(iexact.created()).isFalse();
    GetOrCreateResult<Writer> viaLookup =
        Writer.objects.getOrCreate(Map.of("name__iexact", "BOB"), Map.of("name", "bob"));
    assertThat(viaLookup.created()).isTrue();
    assertThat(viaLookup.object().name).isEqualTo("bob");
    assertThat(Writer.objects.count()).isEqualTo(2);
    Writer.objects.create("name", "ann", "country", "UK");
    assertThatThrownBy(() -> Writer.objects.getOrCreate(Map.of("country", "UK"), Map.of()))
        .isInstanceOf(MultipleObjectsReturned.class);
  }

  @DbTest
  void updateOrCreate() {
    Writer ada = Writer.objects.create("name", "ada", "country", "UK");
    GetOrCreateResult<Writer> updated =
        Writer.objects.updateOrCreate(Map.of("name", "ada"), Map.of("country", "FR"));
    assertThat(updated.created()).isFalse();
    assertThat(updated.object().id).isEqualTo(ada.id);
    assertThat(Writer.objects.get("name", "ada").country).isEqualTo("FR");
    GetOrCreateResult<Writer> created =
        Writer.objects.updateOrCreate(Map.of("name", "bob"), Map.of("country", "DE"));
    assertThat(created.created()).isTrue();
    assertThat(Writer.objects.get("name", "bob").country).isEqualTo("DE");
    assertThat(Writer.objects.count()).isEqualTo(2);
  }

  private void library() {
    Writer ada = Writer.objects.create("name", "ada");
    Writer bob = Writer.objects.create("name", "bob");
    Book.objects.create("title", "a1", "author", ada, "pages", 10, "editor", bob);
    Book.objects.create("title", "a2", "author", ada, "pages", 20);
    Book.objects.create("title", "b1", "author", bob, "pages", 30, "editor", ada);
  }

  @DbTest
  void updateSetsColumnsOfEveryMatchingRow() {
    library();
    long n = assertNumQueries(1, () -> Book.objects.filter("pages__gte", 20).update("rating", 2.5));
    assertThat(n).isEqualTo(2);
    assertThat(Book.objects.filter("rating", 2.5).count()).isEqualTo(2);
    assertThat(Book.objects.all().update(Map.of("pages", F.of("pages").plus(1)))).isEqualTo(3);
    assertThat(Book.objects.orderBy("title").valuesList("pages").flat().list())
        .containsExactly(11, 21, 31);
    assertThat(Book.objects.filter("title", "a1").update("pages", F.of("pages").times(2)))
        .isEqualTo(1);
    assertThat(Book.objects.get("title", "a1").pages).isEqualTo(22);
    assertThat(Book.objects.filter("title", "nobody").update("pages", 0)).isZero();
    assertThat(Book.objects.filter("title", "a2").update("editor", null)).isEqualTo(1);
    Writer bob = Writer.objects.get("name", "bob");
    assertThat(Book.objects.filter("title", "a2").update("editor", bob)).isEqualTo(1);
    assertThat(Book.objects.get("title", "a2").editor.id()).isEqualTo(bob.id);
  }

  @DbTest
  void updateThroughARelationFilter() {
    library();
    assertThat(Book.objects.filter("author__name", "ada").update("pages", 99)).isEqualTo(2);
    assertThat(Book.objects.filter("pages", 99).valuesList("title").flat().list())
        .containsExactlyInAnyOrder("a1", "a2");
    assertThat(Book.objects.filter("editor__name", "ada").update("rating", 1.0)).isEqualTo(1);
    assertThat(Book.objects.get("rating", 1.0).title).isEqualTo("b1");
    var ran =
        Database.captureQueries(
            () ->
                assertThatThrownBy(() -> Book.objects.all().update("author__name", "x"))
                    .isInstanceOf(FieldError.class));
    assertThat(ran).isEmpty();
  }

  @DbTest
  void updateRefusesBadInputBeforeSql() {
    library();
    var ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> Book.objects.all().update(Map.of()))
                  .isInstanceOf(ArgumentError.class);
              assertThatThrownBy(() -> Book.objects.all().slice(0, 1).update("pages", 1))
                  .isInstanceOf(ArgumentError.class);
              assertThatThrownBy(() -> Book.objects.all().update("colour", "red"))
                  .isInstanceOf(FieldError.class);
              assertThatThrownBy(() -> Book.objects.all().update("title", "x".repeat(101)))
                  .isInstanceOf(io.vibevault.orm.exception.ValidationError.class);
            });
    assertThat(ran).isEmpty();
  }

  @DbTest
  void deleteReturnsCountsPerModelAndCascades() {
    library();
    DeleteResult none = Book.objects.filter("title", "zzz").delete();
    assertThat(none.total()).isZero();
    DeleteResult one = Book.objects.filter("title", "a2").delete();
    assertThat(one.total()).isEqualTo(1);
    assertThat(one.perModel()).containsExactly(Map.entry("queries.Book", 1L));
    DeleteResult ada = Writer.objects.filter("name", "ada").delete();
    assertThat(ada.perModel())
        .as("ada's book a1 cascades; b1, which ada only edited, stays with editor NULL")
        .containsEntry("queries.Writer", 1L)
        .containsEntry("queries.Book", 1L);
    assertThat(ada.total()).isEqualTo(2);
    assertThat(Book.objects.valuesList("title").flat().list()).containsExactly("b1");
    assertThat(Book.objects.get("title", "b1").editor.id()).isNull();
    assertThatThrownBy(() -> Book.objects.all().slice(0, 1).delete())
        .isInstanceOf(ArgumentError.class);
    Product.objects.create("sku", "A", "name", "a");
    Product.objects.create("sku", "B", "name", "b");
    DeleteResult fast = assertNumQueries(1, () -> Product.objects.filter("sku", "A").delete());
    assertThat(fast.perModel()).containsExactly(Map.entry("queries.Product", 1L));
  }

  @DbTest
  void deleteOneInstance() {
    library();
    Book a1 = Book.objects.get("title", "a1");
    DeleteResult r = a1.delete();
    assertThat(r.total()).isEqualTo(1);
    assertThat(Book.objects.filter("title", "a1").exists()).isFalse();
  }

  @DbTest
  void bulkCreateInBatchesSetsEveryPrimaryKey() {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      products.add(Product.of("S" + i, "product " + i, i));
    }
    List<CapturedQuery> ran =
        Database.captureQueries(() -> Product.objects.bulkCreate(products, 3));
    assertThat(statements(ran, "INSERT")).as("10 rows in batches of 3").isEqualTo(4);
    Set<Object> pks = new HashSet<>();
    for (Product p : products) {
      assertThat(p.id).as("pk of %s", p.sku).isNotNull();
      assertThat(p.isPersisted()).isTrue();
      pks.add(p.id);
      assertThat(Product.objects.get("pk", p.id).sku).isEqualTo(p.sku);
    }
    assertThat(pks).hasSize(10);
    assertThat(Product.objects.count()).isEqualTo(10);
    List<Product> more = List.of(Product.of("X1", "x", 1), Product.of("X2", "y", 2));
    ran = Database.captureQueries(() -> Product.objects.bulkCreate(more));
    assertThat(statements(ran, "INSERT")).as("one multi-row insert").isEqualTo(1);
    assertThat(more.get(1).id).isEqualTo(Product.objects.get("sku", "X2").id);
    assertThat(Product.objects.bulkCreate(new ArrayList<>())).isEmpty();
  }

  @DbTest
  void bulkCreateSplitsByTheBackendsBatchSizeAndSetsEachObjectsOwnKey() {
    var features = Database.connection().backend().features();
    // Product has three columns besides the auto key.
    int perStatement = Math.min(features.bulkInsertParams(), features.maxQueryParams()) / 3;
    int n = 2_200;
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      products.add(Product.of("S" + i, "product " + i, i));
    }
    List<CapturedQuery> ran = Database.captureQueries(() -> Product.objects.bulkCreate(products));
    List<CapturedQuery> inserts =
        ran.stream().filter(q -> q.sql().stripLeading().startsWith("INSERT")).toList();
    assertThat(inserts).hasSize((n + perStatement - 1) / perStatement);
    if (inserts.size() > 3) {
      // On SQLite the first statement differs: it reads its keys back, the batches after it do not.
      CapturedQuery sameAsSecond =
          features.bulkInsertsRowBatches() ? inserts.get(2) : inserts.get(0);
      assertThat(inserts.get(1).sql())
          .as("every full batch runs the same statement")
          .isEqualTo(sameAsSecond.sql());
    }
    Map<Object, String> skuById = new java.util.HashMap<>();
    for (List<Object> row : Product.objects.valuesList("id", "sku")) {
      skuById.put(row.get(0), (String) row.get(1));
    }
    assertThat(skuById).hasSize(n);
    for (Product p : products) {
      assertThat(skuById.get(p.id)).as("the row of key %s", p.id).isEqualTo(p.sku);
    }
  }

  @DbTest
  void bulkCreateWithABatchSizeLargerThanTheBackendsKeepsIt() {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      products.add(Product.of("S" + i, "p", i));
    }
    List<CapturedQuery> ran =
        Database.captureQueries(() -> Product.objects.bulkCreate(products, 1_000));
    assertThat(statements(ran, "INSERT")).as("the batch size given, under the limit").isEqualTo(1);
    assertThat(products.get(999).id).isEqualTo(Product.objects.get("sku", "S999").id);
  }

  @DbTest
  void aFailedBulkCreateInsideAtomicBreaksTheTransactionAsInDjango() {
    Product.objects.create("sku", "A", "name", "original", "price", 1);
    assertThatThrownBy(
            () ->
                io.vibevault.orm.transaction.Transaction.atomic(
                    () -> {
                      try {
                        Product.objects.bulkCreate(List.of(Product.of("A", "dup", 3)));
                      } catch (IntegrityError expected) {
                        // Django's bulk_create runs atomic(savepoint=False): no savepoint to go
                        // back to, so the block can only roll back.
                      }
                      return Product.objects.count();
                    }))
        .isInstanceOf(io.vibevault.orm.exception.TransactionManagementError.class);
    assertThat(Product.objects.count()).isEqualTo(1);
  }

  @DbTest
  void bulkCreateFailsOnAConflictUnlessTold() {
    Product.objects.create("sku", "A", "name", "original", "price", 1);
    assertThatThrownBy(
            () ->
                Product.objects.bulkCreate(
                    List.of(Product.of("B", "b", 2), Product.of("A", "dup", 3))))
        .isInstanceOf(IntegrityError.class);
    assertThat(Product.objects.count()).as("the whole bulk insert rolled back").isEqualTo(1);
  }

  @DbTest
  void bulkCreateIgnoringConflicts() {
    Product.objects.create("sku", "A", "name", "original", "price", 1);
    Product.objects.bulkCreate(
        List.of(Product.of("A", "dup", 3), Product.of("B", "b", 2)),
        BulkCreateOptions.defaults().ignoreConflicts());
    assertThat(Product.objects.count()).isEqualTo(2);
    assertThat(Product.objects.get("sku", "A").name).isEqualTo("original");
    assertThat(Product.objects.get("sku", "B").price).isEqualTo(2);
  }

  @DbTest
  void bulkCreateUpdatingConflictsIsAnUpsert() {
    Product a = Product.objects.create("sku", "A", "name", "original", "price", 1);
    Product.objects.bulkCreate(
        List.of(Product.of("A", "renamed", 5), Product.of("C", "c", 7)),
        BulkCreateOptions.defaults().updateConflicts(List.of("sku"), List.of("name", "price")));
    assertThat(Product.objects.count()).isEqualTo(2);
    Product updated = Product.objects.get("sku", "A");
    assertThat(updated.id).isEqualTo(a.id);
    assertThat(updated.name).isEqualTo("renamed");
    assertThat(updated.price).isEqualTo(5);
    assertThat(Product.objects.get("sku", "C").name).isEqualTo("c");
    assertThatThrownBy(
            () ->
                Product.objects.bulkCreate(
                    List.of(Product.of("D", "d", 1)),
                    BulkCreateOptions.defaults().updateConflicts(List.of("sku"), List.of())))
        .isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void bulkUpdateWritesOnlyTheNamedFields() {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      products.add(Product.of("S" + i, "p" + i, i));
    }
    Product.objects.bulkCreate(products);
    List<Product> loaded = Product.objects.all().list();
    for (Product p : loaded) {
      p.price = p.price * 10;
      p.name = "changed";
    }
    long n = Product.objects.bulkUpdate(loaded, "price");
    assertThat(n).isEqualTo(5);
    assertThat(Product.objects.orderBy("sku").valuesList("price").flat().list())
        .containsExactly(0, 10, 20, 30, 40);
    assertThat(Product.objects.filter("name", "changed").count())
        .as("name was not listed")
        .isZero();
    assertThat(Product.objects.bulkUpdate(new ArrayList<>(), "price")).isZero();
    assertThatThrownBy(() -> Product.objects.bulkUpdate(loaded)).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> Product.objects.bulkUpdate(List.of(Product.of("N", "n", 1)), "price"))
        .isInstanceOf(ArgumentError.class);
    for (Product p : loaded) {
      p.price = 1;
    }
    assertThat(Product.objects.all().bulkUpdate(loaded, 2, "price", "name")).isEqualTo(5);
    assertThat(Product.objects.filter("price", 1, "name", "changed").count()).isEqualTo(5);
  }
}
