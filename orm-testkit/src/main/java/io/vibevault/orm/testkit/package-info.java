/**
 * JUnit 5 support for code that uses VibeVault ORM: run each test on every configured database,
 * each test class in a database of its own, count queries, and skip by capability. Public API, for
 * the ORM's own tests and for applications.
 *
 * <h2>A test class</h2>
 *
 * <pre>{@code
 * import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
 *
 * @DatabaseTest(models = {User.class, Memory.class, Tag.class})
 * class MemorySearchTest {
 *   @DbTest                                        // runs as [sqlite], [postgresql], [mariadb]
 *   void findsByTitle(TestDatabase db) {
 *     User ada = User.objects.create(Map.of("username", "ada"));
 *     Memory.objects.create(Map.of("user", ada, "title", "Lisbon"));
 *     long n = assertNumQueries(1, () -> Memory.objects.filter("title__icontains", "lis").count());
 *     assertEquals(1, n);
 *   }
 *
 *   @DbTest
 *   @RequiresFeature("hasSelectForUpdateSkipLocked")  // skipped on SQLite
 *   void skipsLockedRows() { ... }
 *
 *   @DbTest
 *   @OnlyOn("postgresql")                           // vendor by nature; prefer features
 *   void usesFullTextSearch() { ... }
 * }
 * }</pre>
 *
 * <p>Inside a {@code @DbTest}, {@code "default"} is the isolated database of the class on the
 * current vendor, with the tables of the listed models (and the models they point at, and their
 * many-to-many join tables). Every table is emptied after each test. See {@link
 * io.vibevault.orm.testkit.DatabaseTest} for the lifecycle.
 *
 * <h2>Choosing the databases</h2>
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code VIBEVAULT_TEST_DATABASES}</td>
 *       <td>comma list of {@code sqlite}, {@code postgresql}, {@code mariadb}: exactly these run,
 *           and one that does not answer fails the run</td>
 *       <td>unset: SQLite always, each server only if it answers within about a second (else its
 *           invocations are skipped, with the reason)</td></tr>
 *   <tr><td>{@code VIBEVAULT_TEST_POSTGRESQL_URL}</td><td>the PostgreSQL server</td>
 *       <td>{@code postgresql://postgres@127.0.0.1:5432/test}</td></tr>
 *   <tr><td>{@code VIBEVAULT_TEST_MARIADB_URL}</td><td>the MariaDB (or MySQL) server</td>
 *       <td>{@code mariadb://root@127.0.0.1:3306/test}</td></tr>
 *   <tr><td>{@code VIBEVAULT_TEST_SQLITE_URL}</td><td>where SQLite test files go</td>
 *       <td>{@code sqlite:<java.io.tmpdir>/vibevault-test.sqlite3}</td></tr>
 * </table>
 *
 * <p>Each variable may instead be given as a JUnit configuration parameter named in lower case with
 * dots ({@code vibevault.test.databases=postgresql} in {@code junit-platform.properties}, or {@code
 * -Dvibevault.test.databases=postgresql}); the environment variable wins when both are set. The
 * database named in a server URL is the base the test databases are created from, not the one the
 * tests write to.
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>Only {@code @DbTest} methods get a database; {@code @BeforeAll} methods and plain
 *       {@code @Test} methods do not. Set up data in {@code @BeforeEach}.
 *   <li>{@code "default"} is process-wide, so database test classes do not run in parallel with
 *       each other (they share the resource lock {@link
 *       io.vibevault.orm.testkit.DatabaseExtension#DEFAULT_ALIAS_LOCK}).
 *   <li>A JVM that is killed leaves its {@code vv_t_*} databases behind; drop them by hand.
 * </ul>
 */
package io.vibevault.orm.testkit;
