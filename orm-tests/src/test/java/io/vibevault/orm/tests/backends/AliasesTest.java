package io.vibevault.orm.tests.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** Named database aliases: configured from URLs or settings, chosen with using(). */
@DatabaseTest(models = {Setting.class})
class AliasesTest {

  @DbTest
  void anAliasConfiguredWithTheSameSettingsSeesTheSameRows(TestDatabase db) {
    String alias = "replica_" + db.vendor();
    Database.configure(alias, db.settings());
    try {
      assertThat(Database.aliases()).contains(alias);
      assertThat(Database.settings(alias)).isEqualTo(db.settings());
      Setting.objects.create("name", "shared");
      var ran =
          Database.captureQueries(
              () -> assertThat(Setting.objects.using(alias).count()).isEqualTo(1));
      assertThat(ran).extracting(q -> q.alias()).containsExactly(alias);
      assertThat(Setting.objects.using(alias).get("name", "shared").db()).isEqualTo(alias);
    } finally {
      Database.remove(alias);
    }
    assertThat(Database.aliases()).doesNotContain(alias);
    assertThatThrownBy(() -> Setting.objects.using(alias).count())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(alias)
        .hasMessageContaining("not configured");
  }

  @DbTest
  void thePoolBehindAnAliasLendsTheOrmsConnections(TestDatabase db) throws Exception {
    Setting.objects.create("name", "pooled");
    DataSource pool = Database.dataSource(Database.DEFAULT);
    assertThat(Database.dataSource(Database.DEFAULT)).isSameAs(pool);
    String sql =
        "SELECT COUNT(*) FROM " + ModelMeta.of(Setting.class).dbTable() + " WHERE name = ?";
    // More borrows than the pool holds: each connection goes back to it when closed.
    for (int i = 0; i < db.settings().poolSize() + 2; i++) {
      try (Connection c = pool.getConnection();
          PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, "pooled");
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).as("the row the ORM wrote").isEqualTo(1);
        }
      }
    }
    assertThatThrownBy(() -> Database.dataSource("nowhere"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not configured");
  }

  @DbTest
  void aliasesFromUrlsAreSeparateDatabases(TestDatabase db, @TempDir Path dir) throws Exception {
    Path first = dir.resolve("first.sqlite3");
    Path second = dir.resolve("second.sqlite3");
    Database.configure(Map.of("first", "sqlite:" + first, "second", "sqlite:" + second));
    try {
      for (String alias : new String[] {"first", "second"}) {
        Database.connection(alias)
            .backend()
            .schemaEditor(Database.connection(alias))
            .createModel(ModelMeta.of(Setting.class));
      }
      Setting.objects.using("first").create("name", "one");
      Setting.objects.using("second").create("name", "two");
      Setting.objects.using("second").create("name", "three");
      assertThat(Setting.objects.using("first").valuesList("name").flat().list())
          .containsExactly("one");
      assertThat(Setting.objects.using("second").count()).isEqualTo(2);
      assertThat(Setting.objects.count()).as("default is untouched").isZero();
      Transaction.using("second").run(() -> Setting.objects.using("second").create("name", "four"));
      assertThat(Setting.objects.using("second").count()).isEqualTo(3);
      assertThat(Database.settings("first").vendor()).isEqualTo("sqlite");
    } finally {
      Database.remove("first");
      Database.remove("second");
    }
  }

  @DbTest
  void reconfiguringAnAliasReplacesIt(TestDatabase db, @TempDir Path dir) throws Exception {
    Database.configure("swap", "sqlite:" + dir.resolve("a.sqlite3"));
    try {
      Database.connection("swap")
          .backend()
          .schemaEditor(Database.connection("swap"))
          .createModel(ModelMeta.of(Setting.class));
      Setting.objects.using("swap").create("name", "in a");
      Database.configure("swap", DatabaseSettings.parse("sqlite:" + dir.resolve("b.sqlite3")));
      Database.connection("swap")
          .backend()
          .schemaEditor(Database.connection("swap"))
          .createModel(ModelMeta.of(Setting.class));
      assertThat(Setting.objects.using("swap").count()).isZero();
    } finally {
      Database.remove("swap");
    }
  }
}
