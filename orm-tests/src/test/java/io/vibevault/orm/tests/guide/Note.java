package io.vibevault.orm.tests.guide;

import io.vibevault.orm.model.Validator;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.CheckConstraint;
import io.vibevault.orm.model.fields.EmailField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.SlugField;
import io.vibevault.orm.model.fields.UniqueConstraint;
import io.vibevault.orm.query.Manager;

/** docs/models.md: a model inheriting from an abstract one, with validators and constraints. */
@Meta(
    dbTable = "notes",
    uniqueConstraints =
        @UniqueConstraint(
            fields = {"title", "slug"},
            name = "note_title_slug_uniq"),
    checkConstraints = @CheckConstraint(name = "likes_non_negative", check = "likeCount__gte=0"),
    sensitiveFields = {"secret"})
public class Note extends TimeStamped {
  public static final Manager<Note> objects = Manager.of(Note.class);

  @CharField(maxLength = 20, validators = NoShouting.class)
  public String title;

  @SlugField public String slug = "";

  @EmailField(blank = true)
  public String contact = "";

  @IntegerField public int likeCount = 0;

  @CharField(maxLength = 50, blank = true)
  public String secret = "";

  /** Rejects titles in capitals. */
  public static final class NoShouting implements Validator {
    @Override
    public String validate(Object value) {
      return value instanceof String s && !s.isEmpty() && s.equals(s.toUpperCase())
          ? "Please don't shout."
          : null;
    }
  }
}
