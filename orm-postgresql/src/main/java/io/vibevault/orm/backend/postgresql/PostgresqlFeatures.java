package io.vibevault.orm.backend.postgresql;

import io.vibevault.orm.backend.Features;
import java.util.Set;

/**
 * What PostgreSQL can do: nearly everything the ORM asks for. NULLs sort last in ascending order.
 *
 * <pre>{@code
 * new PostgresqlFeatures().supportsArrayParameters();   // true: IN lists are = ANY(?)
 * }</pre>
 */
public final class PostgresqlFeatures implements Features {
  /** The {@code explain(...)} options PostgreSQL accepts; all but FORMAT are booleans. */
  static final Set<String> EXPLAIN_OPTIONS =
      Set.of(
          "analyze",
          "verbose",
          "costs",
          "buffers",
          "settings",
          "summary",
          "timing",
          "wal",
          "format");

  @Override
  public boolean canReturnRowsFromInsert() {
    return true;
  }

  @Override
  public boolean hasSelectForUpdate() {
    return true;
  }

  @Override
  public boolean hasSelectForUpdateNowait() {
    return true;
  }

  @Override
  public boolean hasSelectForUpdateSkipLocked() {
    return true;
  }

  @Override
  public boolean hasSelectForUpdateOf() {
    return true;
  }

  @Override
  public boolean supportsNullsOrdering() {
    return true;
  }

  @Override
  public boolean nullsSortFirstAscending() {
    return false;
  }

  @Override
  public boolean supportsComments() {
    return true;
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return true;
  }

  @Override
  public boolean supportsJsonContains() {
    return true;
  }

  @Override
  public int maxQueryParams() {
    return 65535;
  }

  @Override
  public boolean supportsArrayParameters() {
    return true;
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
    return EXPLAIN_OPTIONS;
  }

  @Override
  public boolean supportsSliceInCompound() {
    return true;
  }

  @Override
  public boolean streamingNeedsTransaction() {
    return true;
  }

  /** FILTER (WHERE ...) on aggregates (PostgreSQL 9.4+). */
  @Override
  public boolean supportsAggregateFilterClause() {
    return true;
  }

  @Override
  public String backendName() {
    return "PostgreSQL";
  }

  @Override
  public boolean supportsFrameExclusion() {
    return true;
  }
}
