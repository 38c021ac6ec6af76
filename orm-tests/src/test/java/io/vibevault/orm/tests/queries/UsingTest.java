package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** using(alias) sends a QuerySet, its writes and the objects it loads to another database. */
@DatabaseTest(models = {Product.class})
class UsingTest {

  @DbTest
  void readsAndWritesGoToTheNamedAlias(TestDatabase db) {
    String alias = "other_" + db.vendor();
    DatabaseSettings other =
        db.backend()
            .testDatabases()
            .create(
                db.settings(),
                String.format("vv_t_using_%08x", ThreadLocalRandom.current().nextInt()));
    Database.configure(alias, other);
    try {
      SchemaEditor editor = db.backend().schemaEditor(Database.connection(alias));
      editor.createModel(ModelMeta.of(Product.class));

      Product.objects.create("sku", "D", "name", "on default");
      Product elsewhere = Product.objects.using(alias).create("sku", "O", "name", "on other");
      assertThat(elsewhere.db()).isEqualTo(alias);

      assertThat(Product.objects.valuesList("sku").flat().list()).containsExactly("D");
      assertThat(Product.objects.using(alias).valuesList("sku").flat().list()).containsExactly("O");
      assertThat(Product.objects.all().using(alias).filter("sku", "O").count()).isEqualTo(1);

      var ran = Database.captureQueries(() -> Product.objects.using(alias).list());
      assertThat(ran).extracting(q -> q.alias()).containsExactly(alias);

      Product loaded = Product.objects.using(alias).get("sku", "O");
      assertThat(loaded.db()).isEqualTo(alias);
      loaded.name = "saved where it came from";
      loaded.save();
      assertThat(Product.objects.using(alias).get("sku", "O").name)
          .isEqualTo("saved where it came from");
      assertThat(Product.objects.filter("sku", "O").exists()).isFalse();

      assertThat(Product.objects.using(alias).filter("sku", "O").update("price", 9)).isEqualTo(1);
      assertThat(Product.objects.using(alias).bulkCreate(List.of(Product.of("P", "p", 1))))
          .allSatisfy(p -> assertThat(p.db()).isEqualTo(alias));
      assertThat(Product.objects.using(alias).count()).isEqualTo(2);
      assertThat(Product.objects.using(alias).filter("sku", "P").delete().total()).isEqualTo(1);
      assertThat(
              Product.objects
                  .using(alias)
                  .getOrCreate(Map.of("sku", "Q"), Map.of("name", "q"))
                  .created())
          .isTrue();
      assertThat(Product.objects.count()).isEqualTo(1);
      assertThat(Product.objects.using(alias).count()).isEqualTo(2);
    } finally {
      Database.remove(alias);
      db.backend().testDatabases().destroy(db.settings(), other);
    }
  }
}
