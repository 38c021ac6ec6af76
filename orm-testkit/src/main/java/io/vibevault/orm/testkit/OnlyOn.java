package io.vibevault.orm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link DbTest} only on the named databases ({@code sqlite}, {@code postgresql}, {@code
 * mariadb}); its other invocations are skipped. A last resort for behaviour that is vendor-specific
 * by nature; where a capability is the reason, use {@link RequiresFeature}.
 *
 * <pre>{@code
 * @DbTest
 * @OnlyOn("postgresql")
 * void usesTheSearchConfiguration() { ... }
 * }</pre>
 *
 * <p>On a class, it applies to every {@code @DbTest} method in it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OnlyOn {
  /** Database names: {@code sqlite}, {@code postgresql}, {@code mariadb}. */
  String[] value();
}
