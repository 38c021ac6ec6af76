package io.vibevault.orm.testkit;

import io.vibevault.orm.model.Model;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks a test class whose {@link DbTest} methods run against real databases: once per configured
 * database, each time with {@code "default"} pointing at an isolated database that this class alone
 * uses, holding the tables of {@link #models()}.
 *
 * <pre>{@code
 * @DatabaseTest(models = {User.class, Memory.class, Tag.class})
 * class MemoryQueriesTest {
 *   @DbTest
 *   void filtersByTitle() {
 *     User u = User.objects.create(Map.of("username", "ada"));
 *     Memory.objects.create(Map.of("user", u, "title", "Trip to Lisbon"));
 *     assertEquals(1, Memory.objects.filter("title__icontains", "lisbon").count());
 *   }
 * }
 * }</pre>
 *
 * <p>Lifecycle, per test class and database:
 *
 * <ol>
 *   <li>before the first test there: the backend creates a fresh database (a schema on PostgreSQL,
 *       a database on MariaDB, a file on SQLite) named {@code vv_t_<hash>_<random>}, configured as
 *       alias {@code test_<vendor>_<n>}, and the schema editor creates the tables of {@link
 *       #models()}, of the models they point at, and their many-to-many join tables, referenced
 *       tables first;
 *   <li>around each test: {@code "default"} is linked to that alias before {@code @BeforeEach}
 *       methods run; after {@code @AfterEach} methods every table is emptied and its id sequence
 *       restarted, and the link is removed;
 *   <li>after the class: the alias is removed and the database dropped.
 * </ol>
 *
 * <p>Tests cannot see each other's rows, and two classes sharing models never share tables. Which
 * databases run is chosen by the environment (see the {@linkplain io.vibevault.orm.testkit package
 * documentation}). Plain {@code @Test} methods in the class get no database; use {@link DbTest}.
 *
 * <p>{@code "default"} is process-wide, so classes carrying this annotation hold a JUnit resource
 * lock and never run concurrently with each other, even when parallel execution is enabled.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DatabaseExtension.class)
@ResourceLock(DatabaseExtension.DEFAULT_ALIAS_LOCK)
public @interface DatabaseTest {
  /** The models whose tables the class needs; models they point at are added automatically. */
  Class<? extends Model>[] models() default {};
}
