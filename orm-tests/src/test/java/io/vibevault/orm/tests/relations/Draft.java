package io.vibevault.orm.tests.relations;

import io.vibevault.orm.model.ManyToMany;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.ManyToManyField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.query.QuerySet;

/** A default manager hiding discarded rows: related managers start from it, as Django's do. */
@Meta(appLabel = "relations", defaultManagerName = "visible")
public class Draft extends Model {
  public static final Manager<Draft> everything = Manager.of(Draft.class);
  public static final Manager<Draft> visible = new VisibleManager();

  @CharField(maxLength = 50)
  public String title;

  @BooleanField public boolean discarded = false;

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "drafts")
  public final Ref<Person> author = new Ref<>();

  @ManyToManyField(relatedName = "drafts")
  public final ManyToMany<Label> labels = new ManyToMany<>();

  /** Drafts not discarded. */
  public static final class VisibleManager extends Manager<Draft> {
    public VisibleManager() {
      super(Draft.class);
    }

    @Override
    public QuerySet<Draft> getQuerySet() {
      return super.getQuerySet().filter("discarded", false);
    }
  }
}
