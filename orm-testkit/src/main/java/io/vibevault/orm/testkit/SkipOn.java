package io.vibevault.orm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Skips a {@link DbTest} on the named databases ({@code sqlite}, {@code postgresql}, {@code
 * mariadb}), giving the reason in the report. A last resort; where a capability is the reason, use
 * {@link RequiresFeature}.
 *
 * <pre>{@code
 * @DbTest
 * @SkipOn(value = "sqlite", reason = "SQLite has no row locks")
 * void secondWriterWaits() { ... }
 * }</pre>
 *
 * <p>On a class, it applies to every {@code @DbTest} method in it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SkipOn {
  /** Database names: {@code sqlite}, {@code postgresql}, {@code mariadb}. */
  String[] value();

  /** Why; shown as the skip reason. */
  String reason() default "";
}
