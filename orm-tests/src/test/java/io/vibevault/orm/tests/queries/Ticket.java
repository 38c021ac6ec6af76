package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A model of nothing but its automatic key: its INSERT names no column. */
@Meta(appLabel = "queries")
public class Ticket extends Model {
  public static final Manager<Ticket> objects = Manager.of(Ticket.class);
}
