package io.vibevault.orm.tests.reliability;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.UniqueConstraint;
import io.vibevault.orm.query.Manager;

/** One insert by one writer thread; (writer, seq) is unique. */
@Meta(
    appLabel = "reliability",
    dbTable = "rel_entry",
    uniqueConstraints =
        @UniqueConstraint(
            fields = {"writer", "seq"},
            name = "rel_entry_once"))
public class Entry extends Model {
  public static final Manager<Entry> objects = Manager.of(Entry.class);

  @IntegerField public int writer;

  @IntegerField public int seq;
}
