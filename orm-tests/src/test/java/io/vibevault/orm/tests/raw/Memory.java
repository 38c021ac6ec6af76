package io.vibevault.orm.tests.raw;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;

/** The guide's {@code memories} table, with the columns its raw SQL snippets use. */
@Meta(appLabel = "raw", dbTable = "memories")
public class Memory extends Model {
  public static final Manager<Memory> objects = Manager.of(Memory.class);

  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "memories")
  public final Ref<User> user = new Ref<>();

  @CharField(maxLength = 255)
  public String title;

  @TextField public String text;

  @CharField(maxLength = 20)
  public String mediaType = "text";

  @IntegerField public int likeCount = 0;
}
