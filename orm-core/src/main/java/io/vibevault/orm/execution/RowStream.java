package io.vibevault.orm.execution;

import io.vibevault.orm.exception.DatabaseError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A result read row by row with the connection held open, for {@code iterator(chunkSize)}: constant
 * memory whatever the number of rows. Must be closed; closing releases the statement and the
 * connection (and ends the private transaction PostgreSQL needs for cursor fetching).
 *
 * <pre>{@code
 * try (RowStream<Memory> rows = ...) { while (rows.hasNext()) process(rows.next()); }
 * }</pre>
 */
public final class RowStream<R> implements Iterator<R>, AutoCloseable {
  private final DatabaseConnection connection;
  private final RowReader<R> reader;
  private final String sql;
  private PreparedStatement statement;
  private ResultSet rs;
  private boolean ownTransaction;
  private Boolean hasNext;
  private boolean closed;

  RowStream(
      DatabaseConnection connection,
      String sql,
      List<Object> params,
      int fetchSize,
      RowReader<R> reader) {
    this.connection = connection;
    this.reader = reader;
    this.sql = sql;
    connection.validateNoBrokenTransaction();
    connection.pin();
    try {
      connection.withConnection(
          c -> {
            open(c, params, fetchSize);
            return null;
          },
          sql);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void open(Connection c, List<Object> params, int fetchSize) throws SQLException {
    long start = System.nanoTime();
    if (connection.backend().features().streamingNeedsTransaction() && c.getAutoCommit()) {
      c.setAutoCommit(false);
      ownTransaction = true;
    }
    statement = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    statement.setFetchSize(fetchSize);
    connection.bindAll(statement, params);
    rs = statement.executeQuery();
    QueryLog.record(connection.alias(), sql, params, System.nanoTime() - start);
  }

  /** Opens a stream on this thread's connection. */
  public static <R> RowStream<R> open(
      DatabaseConnection connection,
      String sql,
      List<Object> params,
      int fetchSize,
      RowReader<R> reader) {
    return new RowStream<>(connection, sql, params, fetchSize, reader);
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (hasNext == null) {
      try {
        hasNext = rs.next();
      } catch (SQLException e) {
        throw failed(e);
      }
      if (!hasNext) {
        close();
      }
    }
    return hasNext;
  }

  @Override
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    hasNext = null;
    try {
      return reader.read(rs);
    } catch (SQLException e) {
      close();
      throw connection.ops().translate(e, sql);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    DatabaseError failure = null;
    try {
      if (rs != null) {
        rs.close();
      }
      if (statement != null) {
        Connection c = statement.getConnection();
        statement.close();
        if (ownTransaction) {
          c.commit();
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      failure = connection.ops().translate(e, sql);
      connection.markFailed(failure);
    } finally {
      connection.unpin();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes the stream after a fetch failed; inside an atomic block the transaction is doomed. */
  private DatabaseError failed(SQLException e) {
    DatabaseError error = connection.ops().translate(e, sql);
    connection.markFailed(error);
    try {
      close();
    } catch (RuntimeException suppressed) {
      error.addSuppressed(suppressed);
    }
    return error;
  }
}
