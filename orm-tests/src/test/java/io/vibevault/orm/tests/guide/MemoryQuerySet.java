package io.vibevault.orm.tests.guide;

import io.vibevault.orm.query.QuerySet;

/** docs/queries.md: a QuerySet subclass usable as a manager (Django's as_manager()). */
public class MemoryQuerySet extends QuerySet<Memory> {
  public MemoryQuerySet() {
    super(Memory.class);
  }

  public MemoryQuerySet(QuerySet<Memory> source) {
    super(source);
  }

  public MemoryQuerySet photos() {
    return (MemoryQuerySet) filter("mediaType", "photo");
  }
}
