package io.vibevault.orm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Skips a {@link DbTest} invocation on a database whose backend lacks a capability. The values are
 * names of the boolean no-argument methods of {@link io.vibevault.orm.backend.Features}; all must
 * answer {@code true}. An unknown name fails the test, so a typo cannot skip it silently forever.
 * Prefer this to {@link OnlyOn} / {@link SkipOn}: it keeps working when a backend gains the
 * feature.
 *
 * <pre>{@code
 * @DbTest
 * @RequiresFeature("hasSelectForUpdateSkipLocked")
 * void workersSkipLockedRows() { ... }
 *
 * @DbTest
 * @RequiresFeature({"supportsIgnoreConflicts", "canReturnRowsFromInsert"})
 * void bulkCreateIgnoringConflictsReturnsIds() { ... }
 * }</pre>
 *
 * <p>On a class, it applies to every {@code @DbTest} method in it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresFeature {
  /** Names of boolean {@code Features} methods, e.g. {@code "supportsJsonContains"}. */
  String[] value();
}
