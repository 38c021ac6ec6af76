package io.vibevault.orm.tests.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.backend.DatabaseSettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Database URLs and properties, in Django's spirit (dj-database-url). */
class DatabaseSettingsTest {

  @Test
  void sqliteFileAndMemory() {
    DatabaseSettings file = DatabaseSettings.parse("sqlite:vibevault.sqlite3");
    assertThat(file.vendor()).isEqualTo("sqlite");
    assertThat(file.name()).isEqualTo("vibevault.sqlite3");
    assertThat(file.isMemory()).isFalse();
    assertThat(DatabaseSettings.parse("sqlite:/var/lib/vv/db.sqlite3").name())
        .isEqualTo("/var/lib/vv/db.sqlite3");
    assertThat(DatabaseSettings.parse("sqlite:///tmp/x.sqlite3").name())
        .isEqualTo("/tmp/x.sqlite3");
    DatabaseSettings memory = DatabaseSettings.parse("sqlite::memory:");
    assertThat(memory.isMemory()).isTrue();
    assertThat(memory.name()).isEqualTo(":memory:");
    DatabaseSettings withOptions =
        DatabaseSettings.parse("sqlite:db.sqlite3?poolSize=3&cache_size=2000");
    assertThat(withOptions.poolSize()).isEqualTo(3);
    assertThat(withOptions.options()).containsExactly(Map.entry("cache_size", "2000"));
  }

  @Test
  void postgresqlUrl() {
    DatabaseSettings s =
        DatabaseSettings.parse(
            "postgresql://vault:s%40cr%3At@db.internal:6543/vault?sslmode=require&poolSize=20&poolTimeoutMs=1500");
    assertThat(s.vendor()).isEqualTo("postgresql");
    assertThat(s.host()).isEqualTo("db.internal");
    assertThat(s.port()).isEqualTo(6543);
    assertThat(s.name()).isEqualTo("vault");
    assertThat(s.user()).isEqualTo("vault");
    assertThat(s.password()).isEqualTo("s@cr:t");
    assertThat(s.options()).containsExactly(Map.entry("sslmode", "require"));
    assertThat(s.poolSize()).isEqualTo(20);
    assertThat(s.poolTimeoutMs()).isEqualTo(1500);
    assertThat(s.toString()).doesNotContain("s@cr:t").doesNotContain("cr%3At");
    DatabaseSettings defaults = DatabaseSettings.parse("postgres://postgres@127.0.0.1/test");
    assertThat(defaults.vendor()).isEqualTo("postgresql");
    assertThat(defaults.port()).isEqualTo(5432);
    assertThat(defaults.password()).isEmpty();
    assertThat(defaults.poolSize()).isEqualTo(10);
  }

  @Test
  void mariadbAndMysqlUrls() {
    DatabaseSettings maria = DatabaseSettings.parse("mariadb://root@127.0.0.1:3306/test");
    DatabaseSettings mysql = DatabaseSettings.parse("mysql://app:pw@db:3307/vault?useSSL=false");
    assertThat(maria.vendor()).isEqualTo("mysql");
    assertThat(maria.port()).isEqualTo(3306);
    assertThat(maria.user()).isEqualTo("root");
    assertThat(maria.name()).isEqualTo("test");
    assertThat(mysql.vendor()).isEqualTo("mysql");
    assertThat(mysql.port()).isEqualTo(3307);
    assertThat(mysql.password()).isEqualTo("pw");
    assertThat(mysql.options()).containsEntry("useSSL", "false");
    assertThat(DatabaseSettings.parse("mariadb://root@localhost/test").port()).isEqualTo(3306);
  }

  @Test
  void properties() {
    Properties url = new Properties();
    url.setProperty("url", "postgresql://u@h:5000/n");
    assertThat(DatabaseSettings.fromProperties(url).port()).isEqualTo(5000);

    Properties keys = new Properties();
    keys.setProperty("vendor", "mariadb");
    keys.setProperty("host", "db");
    keys.setProperty("name", "vault");
    keys.setProperty("user", "app");
    keys.setProperty("password", "pw");
    keys.setProperty("options.useSSL", "false");
    DatabaseSettings s = DatabaseSettings.fromProperties(keys);
    assertThat(s.vendor()).isEqualTo("mysql");
    assertThat(s.host()).isEqualTo("db");
    assertThat(s.port()).isEqualTo(3306);
    assertThat(s.name()).isEqualTo("vault");
    assertThat(s.password()).isEqualTo("pw");
    assertThat(s.options()).containsExactly(Map.entry("useSSL", "false"));

    Properties sqlite = new Properties();
    sqlite.setProperty("name", "local.sqlite3");
    assertThat(DatabaseSettings.fromProperties(sqlite).vendor()).isEqualTo("sqlite");
  }

  @Test
  void badUrlsAreRefusedWithoutLeakingPasswords() {
    assertThatThrownBy(() -> DatabaseSettings.parse(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseSettings.parse("oracle://u@h/n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("oracle")
        .hasMessageContaining("postgresql");
    assertThatThrownBy(() -> DatabaseSettings.parse("no-scheme"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseSettings.parse("sqlite:"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://u:hunter2@h:5432/n bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }
}
