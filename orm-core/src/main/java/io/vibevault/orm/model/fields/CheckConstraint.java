package io.vibevault.orm.model.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named check constraint. The condition is written as lookups in Django's keyword form, joined by
 * AND: each entry is {@code "path=value"} where the value is a JSON literal ({@code
 * "likeCount__gte=0"}, {@code "status__in=[\"a\",\"b\"]"}) or {@code F(otherField)}.
 *
 * <pre>{@code
 * @Meta(checkConstraints = @CheckConstraint(name = "likes_non_negative", check = "likeCount__gte=0"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface CheckConstraint {
  /** The constraint name. */
  String name();

  /** Lookups that must all hold, as {@code "path=jsonValue"}. */
  String[] check();
}
