package io.vibevault.orm.tests.transactions;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A row pointing at a Reporter, for foreign-key checks deferred to COMMIT. */
@Meta(appLabel = "transactions", dbTable = "tx_article")
public class Article extends Model {
  public static final Manager<Article> objects = Manager.of(Article.class);

  @ForeignKey(onDelete = OnDelete.CASCADE)
  public final Ref<Reporter> reporter = new Ref<>();

  @CharField(maxLength = 50)
  public String headline;
}
