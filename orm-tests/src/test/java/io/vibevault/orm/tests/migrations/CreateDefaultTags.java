package io.vibevault.orm.tests.migrations;

import io.vibevault.orm.migrations.operations.HistoricalApps;
import io.vibevault.orm.migrations.operations.MigrationCode;
import io.vibevault.orm.query.MapQuerySet;
import java.util.Map;

/** The guide's data migration: the default tags, through the historical Tag model. */
public final class CreateDefaultTags implements MigrationCode {
  @Override
  public void run(HistoricalApps apps) {
    MapQuerySet tag = apps.getModel("migdata", "Tag");
    tag.create(Map.of("name", "personal", "kind", "system"));
    tag.create(Map.of("name", "work", "kind", "system"));
  }
}
