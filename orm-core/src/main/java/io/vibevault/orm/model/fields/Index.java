package io.vibevault.orm.model.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index over one or more fields ({@code -field} for a descending column).
 *
 * <pre>{@code
 * @Meta(indexes = @Index(fields = {"user", "createdAt"}, name = "memories_user_created_idx"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Index {
  /** The indexed fields in order. */
  String[] fields();

  /** The index name; generated from the table and fields when empty. */
  String name() default "";
}
