package io.vibevault.bench.harness;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.vibevault.bench.jdbc.Vendor;
import io.vibevault.bench.model.MediaType;
import io.vibevault.bench.model.Memory;
import io.vibevault.bench.model.Tag;
import io.vibevault.bench.model.User;
import io.vibevault.orm.Database;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.Apps;
import io.vibevault.orm.model.ModelMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One database for the benchmarks: its own SQLite file or its own server database ({@code
 * vibevault_bench}, never the tests' {@code test}), the schema created by the ORM's schema editor,
 * and the data set loaded with plain JDBC.
 */
final class Fixture {
  /**
   * The servers' benchmark database; {@code -Dvibevault.bench.db=...} gives another (letters,
   * digits and underscores), so two checkouts benchmarking at once do not load over each other.
   */
  static final String DB_NAME = databaseName(System.getProperty("vibevault.bench.db"));

  private static String databaseName(String configured) {
    if (configured == null || configured.isEmpty()) {
      return "vibevault_bench";
    }
    if (!configured.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "vibevault.bench.db must be lower-case letters, digits and underscores: " + configured);
    }
    return configured;
  }

  /**
   * Connections per pool. Every workload runs on one thread and holds one connection at a time;
   * Hikari's default of 10 made {@link #freshConnections} open ~40 server connections in the
   * background (four pools), on 2 cores, while the first samples were taken.
   */
  private static final int POOL_SIZE = 2;

  final String vendorName;
  final Vendor vendor;
  final int users;
  final int memories;
  private final List<DataSource> peerPools = new ArrayList<>();

  Fixture(String vendorName, int users) {
    this.vendorName = vendorName;
    this.vendor = Vendor.of(vendorName);
    this.users = users;
    this.memories = users * Data.MEMORIES_PER_USER;
  }

  /** Points the ORM's default alias at the benchmark database (created when missing). */
  void configure(Path target) throws Exception {
    String url =
        switch (vendorName) {
          case "sqlite" -> "sqlite:" + target.resolve("bench.sqlite3");
          case "postgresql" -> {
            ensureServerDatabase(
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                "SELECT 1 FROM pg_database WHERE datname = '" + DB_NAME + "'",
                "CREATE DATABASE " + DB_NAME);
            yield "postgresql://postgres@127.0.0.1:5432/" + DB_NAME + "?poolSize=" + POOL_SIZE;
          }
          case "mariadb" -> {
            ensureServerDatabase(
                "jdbc:mariadb://127.0.0.1:3306/test?user=root",
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + DB_NAME + "'",
                "CREATE DATABASE " + DB_NAME + " CHARACTER SET utf8mb4");
            yield "mariadb://root@127.0.0.1:3306/" + DB_NAME + "?poolSize=" + POOL_SIZE;
          }
          default -> throw new IllegalArgumentException("Unknown database " + vendorName);
        };
    Files.createDirectories(target);
    Apps.global().register(User.class, Tag.class, Memory.class);
    Database.configure(Database.DEFAULT, url);
  }

  private static void ensureServerDatabase(String adminUrl, String exists, String create)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      if (!s.executeQuery(exists).next()) {
        s.execute(create);
      }
    }
  }

  /**
   * The connections a peer uses, with the ORM backend's driver settings. On PostgreSQL and MariaDB
   * every peer borrows from the ORM's own pool: all workloads run on one thread, so Hikari hands
   * each peer the connection the previous one returned, and within a round every peer talks to the
   * same server process. Where that process runs against the client's CPU decides a round trip's
   * latency (one of two levels on a 2-core VM, see {@link Sampler}'s comments); with a pool per
   * peer each peer drew its own placement, and a median over a mixture of draws could land on one
   * level for JDBC and on the other for VibeVault. Shared, the peers of a round start from the same
   * placement (the server still moved within a round, so run.sh also pins the workload thread and
   * the server apart: "Placement" in bench/README.md). On SQLite, in the JVM, each peer keeps a
   * pool of its own (see {@link #freshConnections}).
   */
  DataSource dataSource(String peer) {
    if (vendor != Vendor.SQLITE) {
      return Database.dataSource(Database.DEFAULT);
    }
    DatabaseConnection c = Database.connection();
    DataSource pool =
        c.backend().createDataSource(Database.settings(Database.DEFAULT), "bench-" + peer);
    peerPools.add(pool);
    return pool;
  }

  /**
   * Gives every peer new physical connections, once they are warmed up and before they are timed.
   *
   * <p>sqlite-jdbc synchronizes every call on its connection object, twice per column read (a
   * {@code synchronized} block around a {@code synchronized native} method). When the JIT
   * deoptimizes a frame while it holds that lock, which happens while code is still being compiled,
   * HotSpot inflates the lock into a full monitor, and on JDK 17 a synchronized native method then
   * takes the slow path on every call until the monitor is deflated (when idle, at most once a
   * minute). Whichever peer's connection was caught paid 15-20% more per row for the rest of the
   * run: a lottery, not a property of the peer. Connections opened after warm-up start with thin
   * locks for every peer alike.
   */
  void freshConnections() throws SQLException, InterruptedException {
    List<HikariDataSource> pools = new ArrayList<>();
    if (vendor != Vendor.SQLITE) {
      // One pool for all: its connections replaced, the alias kept (the peers hold its pool).
      HikariDataSource shared =
          Database.dataSource(Database.DEFAULT).unwrap(HikariDataSource.class);
      shared.getHikariPoolMXBean().softEvictConnections();
      pools.add(shared);
    } else {
      for (DataSource pool : peerPools) {
        HikariDataSource hikari = pool.unwrap(HikariDataSource.class);
        hikari.getHikariPoolMXBean().softEvictConnections();
        pools.add(hikari);
      }
      DatabaseSettings settings = Database.settings(Database.DEFAULT);
      Database.remove(Database.DEFAULT);
      Database.configure(Database.DEFAULT, settings);
    }
    // Hikari opens the replacements in the background: let it finish before anything is timed.
    long deadline = System.nanoTime() + 10_000_000_000L;
    for (HikariDataSource pool : pools) {
      HikariPoolMXBean bean = pool.getHikariPoolMXBean();
      while (bean.getTotalConnections() < pool.getMinimumIdle() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
  }

  /** Drops and creates the tables, then loads users, memories, tags and links. */
  void createAndLoad(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String t : List.of("memories_tags", "memories", "tags", "users")) {
        s.execute("DROP TABLE IF EXISTS " + t + (vendor == Vendor.POSTGRESQL ? " CASCADE" : ""));
      }
    }
    DatabaseConnection connection = Database.connection();
    var editor = connection.backend().schemaEditor(connection);
    editor.createModel(ModelMeta.of(User.class));
    editor.createModel(ModelMeta.of(Tag.class));
    editor.createModel(ModelMeta.of(Memory.class));
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      // Explicit keys: the workloads name rows by id, and a server's auto-increment may leave
      // gaps in a batch (InnoDB's interleaved lock mode does).
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO users (id, username, email) VALUES (?, ?, ?)")) {
        for (int u = 1; u <= users; u++) {
          ps.setLong(1, u);
          ps.setString(2, String.format("user%05d", u));
          ps.setString(3, "user" + u + "@example.com");
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO tags (id, name) VALUES (?, ?)")) {
        for (int t = 1; t <= 20; t++) {
          ps.setLong(1, t);
          ps.setString(2, "tag" + t);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO memories (id, user_id, title, text, media_type, media_file,"
                  + " metrics_json, analysis_status, like_count, is_favorite, created_at,"
                  + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < memories; i++) {
          Data.NewMemory m = Data.memory(i, users, "");
          ps.setLong(1, i + 1);
          ps.setLong(2, m.userId());
          ps.setString(3, m.title());
          ps.setString(4, m.text());
          ps.setString(5, m.mediaType().value());
          ps.setString(6, m.mediaFile());
          vendor.bindJson(ps, 7, m.metricsJson());
          ps.setString(8, m.analysisStatus() == null ? null : m.analysisStatus().value());
          ps.setInt(9, m.likeCount());
          ps.setBoolean(10, m.isFavorite());
          vendor.bindInstant(ps, 11, m.createdAt());
          vendor.bindInstant(ps, 12, m.updatedAt());
          ps.addBatch();
          if ((i + 1) % 2000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      if (vendor == Vendor.POSTGRESQL) {
        try (Statement s = c.createStatement()) {
          for (String t : List.of("users", "tags", "memories")) {
            s.execute(
                "SELECT setval(pg_get_serial_sequence('"
                    + t
                    + "', 'id'), (SELECT MAX(id) FROM "
                    + t
                    + "))");
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO memories_tags (memory_id, tag_id) VALUES (?, ?)")) {
        for (int m = 1; m <= 2000; m++) {
          ps.setLong(1, m);
          ps.setLong(2, m % 20 + 1);
          ps.addBatch();
          ps.setLong(1, m);
          ps.setLong(2, (m + 7) % 20 + 1);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
    }
    settle(ds);
  }

  /**
   * Leaves the server no work of its own to do during the timed rounds (untimed): after the bulk
   * load, W6's inserted and deleted rows or W7's updates, PostgreSQL's autovacuum would otherwise
   * start in the middle of a later workload, on one of the two cores, and after the load the first
   * reads would set hint bits on every page. VACUUM ANALYZE does both now, and a CHECKPOINT writes
   * the pages it dirtied, which the checkpointer would otherwise write during the next workload
   * (every peer's W8, after W7 and its vacuum, took 44-56 ms in full runs against 37-40 alone); the
   * other databases refresh their statistics, and MariaDB purges and writes its pages too.
   */
  void settle(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          switch (vendor) {
            case MARIADB -> "ANALYZE TABLE users, memories, tags";
            case POSTGRESQL -> "VACUUM ANALYZE";
            default -> "ANALYZE";
          });
      if (vendor == Vendor.POSTGRESQL) {
        s.execute("CHECKPOINT");
      }
    }
    quiesceInnoDb(ds);
  }

  /**
   * On MariaDB, lets InnoDB finish what it does in the background after writes, on the server's
   * CPU, before the next sample: purging the row versions committed deletes and updates left
   * behind, then writing the dirty pages. After each W6 sample's DELETE of 10,000 rows, the next
   * insert's server CPU was 130-220 ms while the purge ran and 80-90 ms once it had finished, for
   * every peer (a loop with the server pinned to its own CPU); the purge's history list is empty
   * about 0.8 s after such a DELETE. The page cleaners write at their own pace: after the load,
   * 4,700 dirty pages took 18 s, during W1, whose first rounds took 20-26 ms for every peer against
   * 16-17 ms after. {@code FLUSH TABLES ... FOR EXPORT} writes the tables' dirty pages at once.
   */
  private void quiesceInnoDb(DataSource ds) throws SQLException {
    if (vendor != Vendor.MARIADB) {
      return;
    }
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      awaitPurge(s);
      s.execute("FLUSH TABLES users, memories, tags, memories_tags FOR EXPORT");
      s.execute("UNLOCK TABLES");
    }
  }

  /** Waits (at most 5 s) until InnoDB's purge history list is empty. */
  private static void awaitPurge(Statement s) throws SQLException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    try {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs =
            s.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'")) {
          if (!rs.next() || rs.getLong(2) == 0) {
            return;
          }
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Before W7's first sample and after every one (untimed): on PostgreSQL, VACUUMs the memories
   * table so the next sample does not pay for the dead row versions the previous ones left. Each W7
   * operation updates the same ~330 rows, some 3,000 times in a full run's W7: faster than
   * autovacuum reclaims them, so every update walked longer chains of dead versions and W7 measured
   * the debt more than the UPDATE (W6 and W7 alone on PostgreSQL, 11 rounds, every peer: 6.4-6.7 ms
   * per operation without, 2.9-3.3 ms with this, the VACUUM 38 ms per sample). MariaDB's purge does
   * the same work but took 870 ms per sample to finish (W7 58 s instead of 21), so there it runs
   * beside the samples as before.
   */
  void reclaimUpdatedRows(DataSource ds) throws SQLException {
    if (vendor != Vendor.POSTGRESQL) {
      return;
    }
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("VACUUM memories");
    }
  }

  /** The analysis status of each row W7 updates (untimed), to put back after W7. */
  Map<Long, String> w7Statuses(DataSource ds) throws SQLException {
    Map<Long, String> out = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, analysis_status FROM memories WHERE user_id <= ? AND media_type = ?")) {
      ps.setLong(1, 20);
      ps.setString(2, MediaType.PHOTO.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  /** Puts back the statuses {@link #w7Statuses} read (untimed). */
  void restoreW7Statuses(DataSource ds, Map<Long, String> statuses) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE memories SET analysis_status = ? WHERE id = ?")) {
        for (Map.Entry<Long, String> e : statuses.entrySet()) {
          ps.setString(1, e.getValue());
          ps.setLong(2, e.getKey());
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Removes what a W6 run inserted (untimed), and if {@code idle}, lets MariaDB purge it. */
  void deleteAbove(DataSource ds, long maxId, boolean idle) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM memories WHERE id > ?")) {
      ps.setLong(1, maxId);
      ps.executeUpdate();
    }
    if (idle) {
      quiesceInnoDb(ds);
    }
  }
}
