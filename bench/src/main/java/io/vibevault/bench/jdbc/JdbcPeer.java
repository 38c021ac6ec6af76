package io.vibevault.bench.jdbc;

import io.vibevault.bench.harness.Data;
import io.vibevault.bench.harness.Peer;
import io.vibevault.bench.model.AnalysisStatus;
import io.vibevault.bench.model.MediaType;
import io.vibevault.bench.model.MemoryRow;
import io.vibevault.bench.model.UserRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Hand-written JDBC done well, the floor every peer is measured against: a pooled connection per
 * operation, prepared statements, columns read by index, batches for inserts. It prepares per call,
 * as plain JDBC code does; a statement cache is the kind of thing an ORM may add on top.
 */
public final class JdbcPeer implements Peer {
  static final String COLUMNS =
      "id, user_id, title, text, media_type, media_file, metrics_json, analysis_status,"
          + " like_count, is_favorite, created_at, updated_at";
  private static final String PREFIXED =
      "m.id, m.user_id, m.title, m.text, m.media_type, m.media_file, m.metrics_json,"
          + " m.analysis_status, m.like_count, m.is_favorite, m.created_at, m.updated_at";
  private static final String INSERT =
      "INSERT INTO memories (user_id, title, text, media_type, media_file, metrics_json,"
          + " analysis_status, like_count, is_favorite, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int BATCH = 1000;

  private final DataSource ds;
  private final Vendor vendor;

  public JdbcPeer(DataSource ds, Vendor vendor) {
    this.ds = ds;
    this.vendor = vendor;
  }

  @Override
  public String name() {
    return "jdbc";
  }

  private MemoryRow memory(ResultSet rs, int o) throws SQLException {
    return new MemoryRow(
        rs.getLong(o + 1),
        rs.getLong(o + 2),
        rs.getString(o + 3),
        rs.getString(o + 4),
        MediaType.ofValue(rs.getString(o + 5)),
        rs.getString(o + 6),
        vendor.readJson(rs, o + 7),
        AnalysisStatus.ofValue(rs.getString(o + 8)),
        rs.getInt(o + 9),
        rs.getBoolean(o + 10),
        vendor.readInstant(rs, o + 11),
        vendor.readInstant(rs, o + 12));
  }

  private List<MemoryRow> memories(String sql, Object... params) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<MemoryRow> out = new ArrayList<>();
        while (rs.next()) {
          out.add(memory(rs, 0));
        }
        return out;
      }
    }
  }

  @Override
  public List<?> w1(int n) throws SQLException {
    return memories("SELECT " + COLUMNS + " FROM memories WHERE id <= ? ORDER BY id", n);
  }

  /** The memories whose id is above {@code id}, as W1 reads them (what W6 inserted, untimed). */
  public List<?> memoriesAbove(long id) throws SQLException {
    return memories("SELECT " + COLUMNS + " FROM memories WHERE id > ? ORDER BY id", id);
  }

  @Override
  public Object w2(long id) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM memories WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? memory(rs, 0) : null;
      }
    }
  }

  @Override
  public List<?> w3(long userId) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM memories WHERE user_id = ? AND like_count >= ?"
                    + " ORDER BY created_at DESC LIMIT 20 OFFSET 20")) {
      ps.setLong(1, userId);
      ps.setInt(2, 10);
      try (ResultSet rs = ps.executeQuery()) {
        List<MemoryRow> out = new ArrayList<>(20);
        while (rs.next()) {
          out.add(memory(rs, 0));
        }
        return out;
      }
    }
  }

  @Override
  public List<?> w4(int n) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + PREFIXED
                    + ", u.id, u.username, u.email FROM memories m"
                    + " INNER JOIN users u ON u.id = m.user_id WHERE m.id <= ? ORDER BY m.id")) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        List<MemoryRow> out = new ArrayList<>();
        while (rs.next()) {
          MemoryRow m = memory(rs, 0);
          m.user = new UserRow(rs.getLong(13), rs.getString(14), rs.getString(15));
          out.add(m);
        }
        return out;
      }
    }
  }

  @Override
  public List<?> w5(int n) throws SQLException {
    try (Connection c = ds.getConnection()) {
      List<UserRow> users = new ArrayList<>();
      Map<Long, UserRow> byId = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement("SELECT id, username, email FROM users WHERE id <= ? ORDER BY id")) {
        ps.setInt(1, n);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            UserRow u = new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3));
            users.add(u);
            byId.put(u.id, u);
          }
        }
      }
      if (users.isEmpty()) {
        return users;
      }
      StringBuilder sql =
          new StringBuilder("SELECT ").append(COLUMNS).append(" FROM memories WHERE user_id IN (");
      for (int i = 0; i < users.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(") ORDER BY created_at DESC");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < users.size(); i++) {
          ps.setLong(i + 1, users.get(i).id);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            MemoryRow m = memory(rs, 0);
            byId.get(m.userId).memories.add(m);
          }
        }
      }
      return users;
    }
  }

  @Override
  public int w6(List<Data.NewMemory> rows) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        int pending = 0;
        for (Data.NewMemory m : rows) {
          ps.setLong(1, m.userId());
          ps.setString(2, m.title());
          ps.setString(3, m.text());
          ps.setString(4, m.mediaType().value());
          ps.setString(5, m.mediaFile());
          vendor.bindJson(ps, 6, m.metricsJson());
          ps.setString(7, m.analysisStatus() == null ? null : m.analysisStatus().value());
          ps.setInt(8, m.likeCount());
          ps.setBoolean(9, m.isFavorite());
          vendor.bindInstant(ps, 10, m.createdAt());
          vendor.bindInstant(ps, 11, m.updatedAt());
          ps.addBatch();
          if (++pending == BATCH) {
            ps.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return rows.size();
  }

  @Override
  public long w7(AnalysisStatus to) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE memories SET analysis_status = ? WHERE user_id <= ? AND media_type = ?")) {
      ps.setString(1, to.value());
      ps.setLong(2, 20);
      ps.setString(3, MediaType.PHOTO.value());
      return ps.executeUpdate();
    }
  }

  @Override
  public List<String> w8() throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT media_type, COUNT(*) FROM memories GROUP BY media_type"
                    + " ORDER BY media_type");
        ResultSet rs = ps.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1) + "=" + rs.getLong(2));
      }
      return out;
    }
  }

  @Override
  public long w9(int chunkSize, Sink sink) throws SQLException {
    try (Connection c = ds.getConnection()) {
      // pgjdbc fetches with a cursor only inside a transaction.
      boolean tx = vendor == Vendor.POSTGRESQL;
      if (tx) {
        c.setAutoCommit(false);
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + COLUMNS + " FROM memories ORDER BY id")) {
        ps.setFetchSize(chunkSize);
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(memory(rs, 0));
            n++;
          }
        }
        return n;
      } finally {
        if (tx) {
          c.commit();
          c.setAutoCommit(true);
        }
      }
    }
  }

  @Override
  public String w10() {
    throw new Pending("n/a: hand-written SQL is a constant");
  }
}
