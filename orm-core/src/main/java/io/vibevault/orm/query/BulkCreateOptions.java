package io.vibevault.orm.query;

import java.util.List;

/**
 * Options of {@code bulkCreate}: batch size, ignoring conflicting rows, or updating them (upsert).
 *
 * <pre>{@code
 * Tag.objects.bulkCreate(tags, BulkCreateOptions.defaults().updateConflicts(List.of("name"), List.of("color")));
 * }</pre>
 *
 * @param batchSize rows per statement (0: as many as the parameter limit allows)
 * @param ignoringConflicts skip rows that violate a unique constraint
 * @param updatingConflicts update the conflicting rows instead (upsert)
 * @param uniqueFields the unique fields that conflict (required by PostgreSQL and SQLite)
 * @param updateFields the fields to update on conflict
 */
public record BulkCreateOptions(
    int batchSize,
    boolean ignoringConflicts,
    boolean updatingConflicts,
    List<String> uniqueFields,
    List<String> updateFields) {
  public static BulkCreateOptions defaults() {
    return new BulkCreateOptions(0, false, false, List.of(), List.of());
  }

  public BulkCreateOptions batchSize(int size) {
    return new BulkCreateOptions(
        size, ignoringConflicts, updatingConflicts, uniqueFields, updateFields);
  }

  public BulkCreateOptions ignoreConflicts() {
    return new BulkCreateOptions(batchSize, true, false, uniqueFields, updateFields);
  }

  public BulkCreateOptions updateConflicts(List<String> unique, List<String> update) {
    return new BulkCreateOptions(batchSize, false, true, List.copyOf(unique), List.copyOf(update));
  }
}
