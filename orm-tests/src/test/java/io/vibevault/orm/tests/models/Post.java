package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** Inherits createdAt and updatedAt from {@link Timestamped}. */
@Meta(appLabel = "models")
public class Post extends Timestamped {
  public static final Manager<Post> objects = Manager.of(Post.class);

  @CharField(maxLength = 50)
  public String title;
}
