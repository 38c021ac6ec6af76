package io.vibevault.orm.backend.mysql;

import io.vibevault.orm.backend.Features;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What MySQL or MariaDB can do, by flavour and version: row locks with NOWAIT and SKIP LOCKED,
 * RETURNING on MariaDB 10.5+, {@code FOR UPDATE OF} on MySQL 8; no transactional DDL, NULLs first
 * in ascending order, NULLS FIRST/LAST emulated.
 *
 * <pre>{@code
 * Features f = backend.features();
 * f.canReturnRowsFromInsert();   // true on MariaDB 10.5+, false on MySQL
 * }</pre>
 */
public final class MysqlFeatures implements Features {
  static final Set<String> EXPLAIN_OPTIONS = Set.of("format", "analyze");

  private final Supplier<MysqlFlavour> flavour;

  public MysqlFeatures(Supplier<MysqlFlavour> flavour) {
    this.flavour = flavour;
  }

  @Override
  public boolean canReturnRowsFromInsert() {
    return flavour.get().supportsReturning();
  }

  @Override
  public boolean hasSelectForUpdate() {
    return true;
  }

  @Override
  public boolean hasSelectForUpdateNowait() {
    return flavour.get().supportsNowait();
  }

  @Override
  public boolean hasSelectForUpdateSkipLocked() {
    return flavour.get().supportsSkipLocked();
  }

  @Override
  public boolean hasSelectForUpdateOf() {
    return flavour.get().supportsForUpdateOf();
  }

  @Override
  public boolean supportsNullsOrdering() {
    return false;
  }

  @Override
  public boolean nullsSortFirstAscending() {
    return true;
  }

  @Override
  public boolean supportsComments() {
    return true;
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return false;
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
    return false;
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
    return false;
  }

  @Override
  public String backendName() {
    MysqlFlavour f = flavour.get();
    return (f.mariaDb() ? "MariaDB " : "MySQL ") + f.major() + "." + f.minor();
  }

  @Override
  public boolean supportsOverClause() {
    return flavour.get().supportsWindowFunctions();
  }

  @Override
  public boolean supportsSelectIntersection() {
    return flavour.get().supportsIntersectExcept();
  }

  @Override
  public boolean supportsSelectDifference() {
    return flavour.get().supportsIntersectExcept();
  }

  @Override
  public boolean supportsLagLeadDefault() {
    return !flavour.get().mariaDb();
  }
}
