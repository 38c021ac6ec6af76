package io.vibevault.orm.migrations.operations;

/**
 * The code of a data migration (Django's {@code RunPython} function), named by class in the
 * migration file. It receives the historical models, as they were at that migration, never the
 * current Java classes. The class needs a public no-argument constructor.
 *
 * <pre>{@code
 * public final class CreateDefaultTags implements MigrationCode {
 *   public void run(HistoricalApps apps) {
 *     MapQuerySet tag = apps.getModel("vault", "Tag");
 *     tag.create(Map.of("name", "personal"));
 *     tag.create(Map.of("name", "work"));
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MigrationCode {
  void run(HistoricalApps apps);
}
