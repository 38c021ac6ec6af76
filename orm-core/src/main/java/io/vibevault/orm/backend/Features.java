package io.vibevault.orm.backend;

import java.util.Set;

/**
 * What a backend can do, as questions (Django's {@code DatabaseFeatures}). The ORM asks these
 * instead of naming vendors.
 *
 * <pre>{@code
 * if (!features.hasSelectForUpdateSkipLocked()) throw new NotSupportedError("...");
 * }</pre>
 */
public interface Features {
  /** INSERT ... RETURNING for single and multi-row inserts. */
  boolean canReturnRowsFromInsert();

  boolean hasSelectForUpdate();

  boolean hasSelectForUpdateNowait();

  boolean hasSelectForUpdateSkipLocked();

  boolean hasSelectForUpdateOf();

  /** {@code NULLS FIRST} / {@code NULLS LAST} in ORDER BY. */
  boolean supportsNullsOrdering();

  /** Whether NULL sorts before every value in ascending order. */
  boolean nullsSortFirstAscending();

  /** DDL inside a transaction is rolled back with it. */
  boolean supportsTransactionalDdl();

  /** JSON containment ({@code contains}, {@code contained_by}) on JSON fields. */
  boolean supportsJsonContains();

  /** The most bound parameters one statement may have. */
  int maxQueryParams();

  /**
   * About how many bound parameters a multi-row INSERT of {@code bulkCreate} carries when no batch
   * size is given (Django's {@code bulk_batch_size}); {@link #maxQueryParams()} caps it. 2,000 by
   * default: one statement as long as the limit allows is parsed, planned (and on SQLite compiled)
   * on every call and its text differs from the last batch's, while a batch of a few hundred rows
   * is prepared once and run again. Measured inserting 10,000 rows of 11 columns, against batches
   * up to the limit: half the server time on MariaDB, about 12% less CPU on PostgreSQL and SQLite.
   */
  default int bulkInsertParams() {
    return 2_000;
  }

  /**
   * bulkCreate sends its rows after the first chunk as one single-row INSERT run as a JDBC batch,
   * not as multi-row INSERTs; rows without a key take the keys that follow the largest the first
   * chunk read back. Only for a database with one writer at a time whose automatic key is one past
   * the largest, where a multi-row INSERT costs more than its rows one by one. SQLite: inside a
   * transaction a statement that writes several rows and may abort (a NOT NULL column, a function
   * in a CHECK such as JSON_VALID) keeps a statement journal of every page it changes, spilled to a
   * temporary file past 64 KiB; 10,000 rows of 11 columns took 1.6 times as long as one by one.
   */
  default boolean bulkInsertsRowBatches() {
    return false;
  }

  /** A whole list can be bound as one array parameter ({@code = ANY(?)}). */
  boolean supportsArrayParameters();

  /** {@code ignoreConflicts} in bulk inserts. */
  boolean supportsIgnoreConflicts();

  /** {@code updateConflicts} (upsert) in bulk inserts. */
  boolean supportsUpdateConflicts();

  /** Upserts must name the unique fields that conflict. */
  boolean upsertRequiresUniqueFields();

  /** Options allowed in {@code explain(...)}: keys, each mapped to the values it accepts. */
  Set<String> explainOptions();

  /** ORDER BY / LIMIT inside the parts of a UNION. */
  boolean supportsSliceInCompound();

  /** Streaming a result needs an open transaction (PostgreSQL cursors). */
  boolean streamingNeedsTransaction();

  /**
   * Whether the driver keeps prepared statements per connection by itself (pgjdbc's server-side
   * prepare, MariaDB's prepare cache). When it does not (sqlite-jdbc compiles the SQL on every
   * prepare), the ORM keeps a small cache of its own per physical connection.
   */
  default boolean driverCachesPreparedStatements() {
    return true;
  }

  /**
   * {@code aggregate(...) FILTER (WHERE ...)}; without it a filtered aggregate wraps its argument
   * in {@code CASE WHEN}, which every backend understands.
   */
  default boolean supportsAggregateFilterClause() {
    return false;
  }

  /** How error messages name this backend ({@code "SQLite 3.45.1"}, {@code "MariaDB 10.11"}). */
  default String backendName() {
    return "this database backend";
  }

  /** Window expressions ({@code OVER (...)}): SQLite 3.25+, MariaDB 10.2+, MySQL 8, PostgreSQL. */
  default boolean supportsOverClause() {
    return true;
  }

  /** {@code LAG}/{@code LEAD} with a default (third) argument; MariaDB has only two. */
  default boolean supportsLagLeadDefault() {
    return true;
  }

  /** {@code EXCLUDE CURRENT ROW / GROUP / TIES} in a window frame (PostgreSQL, SQLite 3.28+). */
  default boolean supportsFrameExclusion() {
    return false;
  }

  /** {@code INTERSECT} (MariaDB 10.3+, MySQL 8.0.31+). */
  default boolean supportsSelectIntersection() {
    return true;
  }

  /** {@code EXCEPT} (MariaDB 10.3+, MySQL 8.0.31+). */
  default boolean supportsSelectDifference() {
    return true;
  }

  /**
   * Whether the database stores comments on tables and columns (Django's {@code
   * supports_comments}): PostgreSQL and MariaDB/MySQL do; SQLite has nowhere to keep them, and the
   * schema editor leaves them out there.
   */
  default boolean supportsComments() {
    return false;
  }

  /**
   * A compound member may be written in parentheses ({@code (SELECT ...) UNION (SELECT ...)});
   * without it (SQLite) a nested compound becomes {@code SELECT * FROM (...)}.
   */
  default boolean supportsParenthesesInCompound() {
    return true;
  }
}
