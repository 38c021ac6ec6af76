package io.vibevault.orm.model.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One set of fields that are unique together (Django's {@code unique_together}).
 *
 * <pre>{@code
 * @Meta(uniqueTogether = @UniqueTogether({"user", "title"}))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueTogether {
  /** The fields. */
  String[] value();
}
