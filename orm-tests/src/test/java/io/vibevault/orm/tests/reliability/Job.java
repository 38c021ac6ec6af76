package io.vibevault.orm.tests.reliability;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A queued job that workers claim with SKIP LOCKED. */
@Meta(appLabel = "reliability", dbTable = "rel_job")
public class Job extends Model {
  public static final Manager<Job> objects = Manager.of(Job.class);

  @BooleanField public boolean done;

  @IntegerField public int worker = -1;

  /** How many times a worker processed it; exactly once is the point. */
  @IntegerField public int times;
}
