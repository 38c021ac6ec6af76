package io.vibevault.orm.tests.guide.start;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.transaction.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** docs/getting-started.md, steps 3 to 5, as written there. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
class GettingStartedDocTest {

  @DbTest
  void query() {
    User ada = User.objects.create("username", "ada");
    Memory beach = Memory.objects.create("user", ada, "title", "Beach Day", "text", "Had fun");
    beach.tags.add(Tag.objects.create("name", "summer"));

    List<Memory> found =
        Memory.objects
            .filter("user__username", "ada", "title__icontains", "beach")
            .orderBy("-createdAt")
            .slice(0, 20)
            .list();

    Memory one = Memory.objects.get("id", beach.id);
    long photos =
        Memory.objects.filter(Q.of("mediaType", "photo").or(Q.of("mediaType", "audio"))).count();

    Transaction.atomic(
        () -> {
          Memory m = Memory.objects.get("id", beach.id);
          m.title = "Beach Day!";
          m.save();
        });

    assertThat(found).containsExactly(beach);
    assertThat(one.tags.all().list()).extracting(t -> t.name).containsExactly("summer");
    assertThat(photos).isZero();
    assertThat(Memory.objects.get("id", beach.id).title).isEqualTo("Beach Day!");
    assertThat(Memory.objects.filter("user", ada).query().params()).containsExactly(ada.id);
  }

  @DbTest
  void test() {
    User ada = User.objects.create("username", "ada");
    Memory.objects.create("user", ada, "title", "Beach Day");
    long n = assertNumQueries(1, () -> Memory.objects.filter("title__icontains", "beach").count());
    assertThat(n).isEqualTo(1);
  }

  @DbTest
  void configureAndCreateTables() throws Exception {
    Path file = Files.createTempFile("vibevault-start", ".sqlite3");
    Database.configure("start", "sqlite:" + file);
    try {
      var connection = Database.connection("start");
      var editor = connection.backend().schemaEditor(connection);
      editor.createModel(ModelMeta.of(User.class));
      editor.createModel(ModelMeta.of(Tag.class));
      editor.createModel(ModelMeta.of(Memory.class));
      User.objects.using("start").create("username", "ada");
      assertThat(User.objects.using("start").count()).isEqualTo(1);
    } finally {
      Database.remove("start");
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    }
  }
}
