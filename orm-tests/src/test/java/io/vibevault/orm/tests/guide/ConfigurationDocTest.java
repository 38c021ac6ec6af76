package io.vibevault.orm.tests.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** docs/configuration.md: URLs, aliases, and what each backend sets on its connections. */
@DatabaseTest(models = {Tag.class})
class ConfigurationDocTest {

  private static Object one(String sql) {
    try (Cursor c = Database.connection().cursor()) {
      return c.execute(sql).fetchOne()[0];
    }
  }

  @Test
  void urlsAndProperties() {
    DatabaseSettings pg =
        DatabaseSettings.parse(
            "postgresql://app:s3cret@db.internal:5432/vault?poolSize=20&sslmode=require");
    assertThat(pg.vendor()).isEqualTo("postgresql");
    assertThat(pg.host()).isEqualTo("db.internal");
    assertThat(pg.name()).isEqualTo("vault");
    assertThat(pg.poolSize()).isEqualTo(20);
    assertThat(pg.poolTimeoutMs()).isEqualTo(30_000);
    assertThat(pg.options()).containsOnlyKeys("sslmode");
    assertThat(pg.toString()).isEqualTo("postgresql://app@db.internal:5432/vault");
    assertThat(DatabaseSettings.parse("mariadb://root@127.0.0.1/test").vendor()).isEqualTo("mysql");
    assertThat(DatabaseSettings.parse("mysql://root@127.0.0.1/test").port()).isEqualTo(3306);
    assertThat(DatabaseSettings.parse("sqlite:vibevault.sqlite3").name())
        .isEqualTo("vibevault.sqlite3");
    assertThat(DatabaseSettings.parse("sqlite::memory:").isMemory()).isTrue();
    assertThat(DatabaseSettings.parse("sqlite::memory:").poolSize()).isEqualTo(10);

    Properties p = new Properties();
    p.setProperty("vendor", "postgresql");
    p.setProperty("host", "db.internal");
    p.setProperty("name", "vault");
    p.setProperty("user", "app");
    p.setProperty("options.sslmode", "require");
    DatabaseSettings fromProperties = DatabaseSettings.fromProperties(p);
    assertThat(fromProperties.port()).isEqualTo(5432);
    assertThat(fromProperties.options()).containsEntry("sslmode", "require");
    assertThatThrownBy(() -> DatabaseSettings.parse("oracle://x/y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @DbTest
  void aliases() {
    Database.configure("scratch", "sqlite::memory:");
    try {
      var connection = Database.connection("scratch");
      connection.backend().schemaEditor(connection).createModel(ModelMeta.of(Tag.class));
      Tag.objects.using("scratch").create("name", "elsewhere");
      assertThat(Tag.objects.using("scratch").count()).isEqualTo(1);
      assertThat(Tag.objects.count()).isZero();
      assertThat(Database.aliases()).contains("scratch");
      Tag loaded = Tag.objects.using("scratch").get("name", "elsewhere");
      assertThat(loaded.db()).isEqualTo("scratch");
      loaded.name = "renamed";
      loaded.save(); // saved where it was loaded from
      assertThat(Tag.objects.using("scratch").get("id", loaded.id).name).isEqualTo("renamed");
    } finally {
      Database.remove("scratch");
    }
  }

  @DbTest
  void thePoolBehindAnAliasIsSetUpAsTheOrmsConnections(TestDatabase db) throws Exception {
    Tag.objects.create("name", "counted");
    DataSource pool = Database.dataSource("default");
    String setting =
        switch (db.vendor()) {
          case "sqlite" -> "PRAGMA foreign_keys";
          case "postgresql" -> "SHOW TimeZone";
          default -> "SELECT @@SESSION.time_zone";
        };
    try (Connection c = pool.getConnection();
        PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM tags WHERE name = ?");
        PreparedStatement show = c.prepareStatement(setting)) {
      count.setString(1, "counted");
      try (ResultSet rs = count.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
      try (ResultSet rs = show.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isIn("1", "UTC", "+00:00");
      }
    }
  }

  @DbTest
  void connectionsAreSetUpPerBackend(TestDatabase db) {
    switch (db.vendor()) {
      case "sqlite" -> {
        assertThat(((Number) one("PRAGMA foreign_keys")).intValue()).isEqualTo(1);
        assertThat(((Number) one("PRAGMA busy_timeout")).intValue()).isEqualTo(5000);
        assertThat(String.valueOf(one("PRAGMA journal_mode"))).isEqualToIgnoringCase("wal");
      }
      case "postgresql" -> {
        assertThat(one("SHOW TimeZone")).isEqualTo("UTC");
        DatabaseSettings simple = db.settings().withOption("preferQueryMode", "simple");
        try {
          assertThatThrownBy(() -> Database.configure("simple", simple))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage(
                  "preferQueryMode=simple is refused: it puts parameters into the SQL text");
        } finally {
          Database.remove("simple");
        }
      }
      default -> {
        assertThat(String.valueOf(one("SELECT @@SESSION.sql_mode")))
            .contains("STRICT_TRANS_TABLES");
        assertThat(one("SELECT @@SESSION.time_zone")).isEqualTo("+00:00");
        assertThat(String.valueOf(one("SELECT @@collation_connection")))
            .isIn("utf8mb4_nopad_bin", "utf8mb4_0900_bin");
        assertThat(
                String.valueOf(
                    one(
                        "SELECT table_collation FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_name = 'tags'")))
            .isIn("utf8mb4_nopad_bin", "utf8mb4_0900_bin");
        for (String option : new String[] {"allowMultiQueries", "useServerPrepStmts"}) {
          String value = option.equals("allowMultiQueries") ? "true" : "false";
          DatabaseSettings unsafe = db.settings().withOption(option, value);
          try {
            assertThatThrownBy(() -> Database.configure("unsafe", unsafe))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                    option + (value.equals("true") ? " is refused" : "=false is refused"));
          } finally {
            Database.remove("unsafe");
          }
        }
      }
    }
  }
}
