package io.vibevault.orm.model.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named unique constraint over one or more fields.
 *
 * <pre>{@code
 * @Meta(uniqueConstraints = @UniqueConstraint(fields = {"user", "name"}, name = "tag_user_name_uniq"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueConstraint {
  /** The fields that are unique together. */
  String[] fields();

  /** The constraint name. */
  String name();
}
