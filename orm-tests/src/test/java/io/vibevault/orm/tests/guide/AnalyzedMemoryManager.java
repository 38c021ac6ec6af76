package io.vibevault.orm.tests.guide;

import io.vibevault.orm.query.Manager;
import io.vibevault.orm.query.QuerySet;

/** The guide's custom manager, literally: analysed memories only, with two domain methods. */
public class AnalyzedMemoryManager extends Manager<Memory> {
  public AnalyzedMemoryManager() {
    super(Memory.class);
  }

  @Override
  public QuerySet<Memory> getQuerySet() {
    return super.getQuerySet().filter("analysisStatus", "done");
  }

  public QuerySet<Memory> positiveSentiment() {
    return getQuerySet().filter("metricsJson__sentiment__label", "positive");
  }

  public QuerySet<Memory> forUser(User user) {
    return getQuerySet().filter("user", user);
  }
}
