package io.vibevault.orm.tests.lookup;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.FloatField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.model.fields.TimeField;
import io.vibevault.orm.query.Manager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Text, number and date columns for the lookup tests. */
@Meta(appLabel = "lookup")
public class Article extends Model {
  public static final Manager<Article> objects = Manager.of(Article.class);

  @CharField(maxLength = 100)
  public String headline;

  /** A second text column, compared with {@code headline} through F(). */
  @CharField(maxLength = 100, nullable = true)
  public String tag;

  @TextField(nullable = true)
  public String body;

  @IntegerField public int views = 0;

  @FloatField(nullable = true)
  public Double rating;

  @DateTimeField(nullable = true)
  public Instant pubDate;

  @DateField(nullable = true)
  public LocalDate published;

  @TimeField(nullable = true)
  public LocalTime alarm;

  public static Article make(String headline) {
    Article a = new Article();
    a.headline = headline;
    return a;
  }
}
