package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.DeleteResult;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.query.QuerySet;
import java.util.Map;

/**
 * The guide's soft delete pattern: delete() sets a flag; the default manager hides flagged rows.
 */
@Meta(appLabel = "models", defaultManagerName = "activeObjects")
public class SoftNote extends Model {
  public static final Manager<SoftNote> activeObjects = new ActiveManager();
  public static final Manager<SoftNote> allObjects = Manager.of(SoftNote.class);

  @CharField(maxLength = 30)
  public String title;

  @BooleanField public boolean isDeleted = false;

  @Override
  public DeleteResult delete() {
    isDeleted = true;
    save();
    return new DeleteResult(0, Map.of());
  }

  /** Rows not soft-deleted. */
  public static final class ActiveManager extends Manager<SoftNote> {
    public ActiveManager() {
      super(SoftNote.class);
    }

    @Override
    public QuerySet<SoftNote> getQuerySet() {
      return super.getQuerySet().filter("isDeleted", false);
    }
  }
}
