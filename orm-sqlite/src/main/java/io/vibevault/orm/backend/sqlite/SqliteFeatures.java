package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.Features;
import java.util.Set;

/**
 * What SQLite can do: RETURNING and upserts, native NULLS FIRST/LAST, transactional DDL; no row
 * locks (a write transaction locks the whole database) and no JSON containment.
 *
 * <pre>{@code
 * new SqliteFeatures().hasSelectForUpdate();   // false
 * }</pre>
 */
public final class SqliteFeatures implements Features {
  @Override
  public boolean canReturnRowsFromInsert() {
    return true;
  }

  @Override
  public boolean hasSelectForUpdate() {
    return false;
  }

  @Override
  public boolean hasSelectForUpdateNowait() {
    return false;
  }

  @Override
  public boolean hasSelectForUpdateSkipLocked() {
    return false;
  }

  @Override
  public boolean hasSelectForUpdateOf() {
    return false;
  }

  @Override
  public boolean supportsNullsOrdering() {
    return true;
  }

  @Override
  public boolean nullsSortFirstAscending() {
    return true;
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return true;
  }

  @Override
  public boolean supportsJsonContains() {
    return false;
  }

  @Override
  public boolean bulkInsertsRowBatches() {
    return true;
  }

  @Override
  public int maxQueryParams() {
    return SqliteOperations.MAX_VARIABLES;
  }

  @Override
  public boolean supportsArrayParameters() {
    return false;
  }

  @Override
  public boolean supportsIgnoreConflicts() {
    return true;
  }

  @Override
  public boolean supportsUpdateConflicts() {
    return true;
  }

  @Override
  public boolean upsertRequiresUniqueFields() {
    return true;
  }

  @Override
  public Set<String> explainOptions() {
    return Set.of();
  }

  @Override
  public boolean supportsSliceInCompound() {
    return false;
  }

  @Override
  public boolean streamingNeedsTransaction() {
    return false;
  }

  /** sqlite-jdbc compiles the SQL on every prepare; the ORM caches statements per connection. */
  @Override
  public boolean driverCachesPreparedStatements() {
    return false;
  }

  /** FILTER (WHERE ...) on aggregates (SQLite 3.30+). */
  @Override
  public boolean supportsAggregateFilterClause() {
    return true;
  }

  @Override
  public String backendName() {
    return "SQLite";
  }

  /** Frame exclusion needs SQLite 3.28+ (windows 3.25+); the driver bundles a far newer SQLite. */
  @Override
  public boolean supportsFrameExclusion() {
    return true;
  }

  @Override
  public boolean supportsParenthesesInCompound() {
    return false;
  }
}
