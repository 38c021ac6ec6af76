package io.vibevault.orm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a {@link DbTest} load relations one row at a time. Every other {@code @DbTest} runs with the
 * {@link io.vibevault.orm.NPlusOneGuard} in strict mode, so an N+1 pattern fails it with {@link
 * io.vibevault.orm.exception.NPlusOneError}; a test marked {@code @AllowNPlusOne} runs under the
 * process-wide settings instead (a warning by default). Use it for tests that show the N+1 pattern
 * on purpose, and say why.
 *
 * <pre>{@code
 * @DbTest
 * @AllowNPlusOne("shows the N+1 baseline that selectRelated removes")
 * void lazyLoadsOneQueryPerRow() { ... }
 * }</pre>
 *
 * <p>On a class (or an enclosing class), it applies to every {@code @DbTest} method in it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowNPlusOne {
  /** Why the test loads relations one by one. */
  String value() default "";
}
