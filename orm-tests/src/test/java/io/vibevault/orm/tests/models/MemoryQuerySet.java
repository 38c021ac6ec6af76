package io.vibevault.orm.tests.models;

import io.vibevault.orm.query.QuerySet;

/** A QuerySet with domain methods, used as Memory's manager (Django's as_manager()). */
public class MemoryQuerySet extends QuerySet<Memory> {
  public MemoryQuerySet() {
    super(Memory.class);
  }

  public MemoryQuerySet(QuerySet<Memory> source) {
    super(source);
  }

  public MemoryQuerySet photos() {
    return (MemoryQuerySet) filter("mediaType", MediaType.PHOTO);
  }

  public MemoryQuerySet forUser(User user) {
    return (MemoryQuerySet) filter("user", user);
  }

  public MemoryQuerySet analyzed() {
    return (MemoryQuerySet) filter("analysisStatus", AnalysisStatus.DONE);
  }
}
