package io.vibevault.orm.tests.guide;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.DeleteResult;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.query.QuerySet;
import java.util.Map;

/**
 * The guide's soft-delete pattern: {@code delete()} only sets {@code isDeleted}, and the default
 * manager {@code activeObjects} hides deleted rows; {@code allObjects} still sees them.
 */
@Meta(dbTable = "soft_memories", defaultManagerName = "activeObjects")
public class SoftMemory extends Model {
  /** Rows not soft-deleted. */
  public static final Manager<SoftMemory> activeObjects = new ActiveManager();

  /** Every row, soft-deleted ones included. */
  public static final Manager<SoftMemory> allObjects = Manager.of(SoftMemory.class);

  @CharField(maxLength = 255)
  public String title;

  @BooleanField public boolean isDeleted = false;

  /** Marks the row deleted instead of deleting it; nothing is removed. */
  @Override
  public DeleteResult delete() {
    isDeleted = true;
    save();
    return new DeleteResult(0, Map.of());
  }

  /** The manager that leaves out soft-deleted rows. */
  public static final class ActiveManager extends Manager<SoftMemory> {
    ActiveManager() {
      super(SoftMemory.class);
    }

    @Override
    public QuerySet<SoftMemory> getQuerySet() {
      return super.getQuerySet().filter("isDeleted", false);
    }
  }
}
