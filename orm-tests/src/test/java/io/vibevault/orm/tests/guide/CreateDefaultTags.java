package io.vibevault.orm.tests.guide;

import io.vibevault.orm.migrations.operations.HistoricalApps;
import io.vibevault.orm.migrations.operations.MigrationCode;
import io.vibevault.orm.query.MapQuerySet;
import java.util.Map;

/** The guide's {@code create_default_tags}, given the historical models. */
public final class CreateDefaultTags implements MigrationCode {
  @Override
  public void run(HistoricalApps apps) {
    MapQuerySet tag = apps.getModel("guide", "Tag");
    tag.create(Map.of("name", "personal"));
    tag.create(Map.of("name", "work"));
  }
}
