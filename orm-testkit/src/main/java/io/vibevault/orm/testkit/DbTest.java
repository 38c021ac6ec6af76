package io.vibevault.orm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test method that runs once per configured database, shown as {@code [sqlite]}, {@code
 * [postgresql]} and {@code [mariadb]}. The class must carry {@link DatabaseTest}. The method may
 * take a {@link TestDatabase} parameter.
 *
 * <pre>{@code
 * @DbTest
 * void createsAndReadsBack(TestDatabase db) {
 *   Tag t = Tag.objects.create(Map.of("name", "travel"));
 *   assertEquals("travel", Tag.objects.get("id", t.id).name);
 * }
 *
 * @DbTest
 * @RequiresFeature("hasSelectForUpdateSkipLocked")
 * void skipsLockedRows() { ... }   // skipped where the database cannot
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
// Registered here too so that a @DbTest in a class without @DatabaseTest fails with a message
// saying so, instead of JUnit's generic "no provider" error.
@ExtendWith(DatabaseExtension.class)
public @interface DbTest {}
