package io.vibevault.orm.tests.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.OnlyOn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SQLite is set up for concurrent use: WAL, foreign keys on, a busy timeout; read back by PRAGMA.
 */
@DatabaseTest(models = {Setting.class})
@OnlyOn("sqlite")
class SqlitePragmasTest {

  private static Object pragma(String alias, String name) {
    try (Cursor c = Database.connection(alias).cursor()) {
      c.execute("PRAGMA " + name);
      return c.fetchOne()[0];
    }
  }

  @DbTest
  void fileDatabasesRunInWalModeWithForeignKeysAndABusyTimeout() {
    assertThat(String.valueOf(pragma("default", "journal_mode"))).isEqualToIgnoringCase("wal");
    assertThat(((Number) pragma("default", "foreign_keys")).intValue()).isEqualTo(1);
    assertThat(((Number) pragma("default", "busy_timeout")).intValue())
        .isGreaterThanOrEqualTo(1000);
  }

  @DbTest
  void temporaryStorageIsSqlitesDefaultUnlessTheSettingsSayOtherwise() {
    // 0 = DEFAULT (files): in memory, a GROUP BY's temporary B-tree was several times slower.
    assertThat(((Number) pragma("default", "temp_store")).intValue()).isEqualTo(0);
    Database.configure("tempmemory", "sqlite:" + tempFile() + "?temp_store=MEMORY");
    try {
      assertThat(((Number) pragma("tempmemory", "temp_store")).intValue()).isEqualTo(2);
    } finally {
      Database.remove("tempmemory");
    }
  }

  private static String tempFile() {
    try {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("vv-temp-store", ".sqlite3");
      f.toFile().deleteOnExit();
      return f.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DbTest
  void everyPooledConnectionHasTheSettings() throws Exception {
    List<CompletableFuture<List<Object>>> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      others.add(
          CompletableFuture.supplyAsync(
              () ->
                  List.of(
                      pragma("default", "foreign_keys"),
                      pragma("default", "busy_timeout"),
                      String.valueOf(pragma("default", "journal_mode")).toLowerCase())));
    }
    for (CompletableFuture<List<Object>> f : others) {
      List<Object> values = f.get(30, TimeUnit.SECONDS);
      assertThat(((Number) values.get(0)).intValue()).isEqualTo(1);
      assertThat(((Number) values.get(1)).intValue()).isGreaterThanOrEqualTo(1000);
      assertThat(values.get(2)).isEqualTo("wal");
    }
  }

  @DbTest
  void anInMemoryDatabaseIsOneSharedDatabaseWithForeignKeys() throws Exception {
    Database.configure("memory", "sqlite::memory:");
    try {
      assertThat(((Number) pragma("memory", "foreign_keys")).intValue()).isEqualTo(1);
      assertThat(String.valueOf(pragma("memory", "journal_mode"))).isEqualToIgnoringCase("memory");
      try (Cursor c = Database.connection("memory").cursor()) {
        c.execute("CREATE TABLE t (x INTEGER)");
        c.execute("INSERT INTO t (x) VALUES (%s)", 7);
      }
      Object seen =
          CompletableFuture.supplyAsync(
                  () -> {
                    try (Cursor c = Database.connection("memory").cursor()) {
                      c.execute("SELECT x FROM t");
                      return c.fetchOne()[0];
                    }
                  })
              .get(30, TimeUnit.SECONDS);
      assertThat(((Number) seen).intValue())
          .as("another thread sees the same database")
          .isEqualTo(7);
    } finally {
      Database.remove("memory");
    }
  }
}
