package io.vibevault.orm.testkit;

import io.vibevault.orm.testkit.DatabaseSelection.Target;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link DatabaseTest} and {@link DbTest}: it turns each
 * {@code @DbTest} method into one invocation per selected database and drops the class's databases
 * after the class. Register it through the annotations rather than directly:
 *
 * <pre>{@code
 * @DatabaseTest(models = Tag.class)
 * class TagTest {
 *   @DbTest void savesATag() { ... }
 * }
 * }</pre>
 *
 * <p>State lives in JUnit's extension stores: the database selection and server probes once per
 * test run (root store), the databases once per test class (the class's store), so the extension
 * itself is stateless and thread-safe.
 */
public final class DatabaseExtension
    implements TestTemplateInvocationContextProvider, AfterAllCallback {
  /**
   * The JUnit resource lock held by every {@link DatabaseTest} class: the {@code "default"} link is
   * process-wide, so two such classes must not run at the same time.
   */
  public static final String DEFAULT_ALIAS_LOCK = "io.vibevault.orm.testkit.default-alias";

  private static final Namespace NAMESPACE = Namespace.create(DatabaseExtension.class);

  /** Called by JUnit. */
  public DatabaseExtension() {}

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(m -> AnnotationSupport.isAnnotated(m, DbTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    if (databaseTest(context.getRequiredTestClass()).isEmpty()) {
      throw new ExtensionConfigurationException(
          "@DbTest method "
              + context.getRequiredTestMethod().getName()
              + " needs @DatabaseTest(models = {...}) on "
              + context.getRequiredTestClass().getName());
    }
    return selection(context).targets().stream().map(Invocation::new);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassDatabases databases =
        context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), ClassDatabases.class);
    if (databases != null) {
      databases.close();
    }
  }

  /** One invocation of a {@code @DbTest} method: on one database. */
  private record Invocation(Target target) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return target.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new InvocationExtension(target));
    }
  }

  /** The run's database selection, read once. */
  static DatabaseSelection selection(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            DatabaseSelection.class,
            key -> DatabaseSelection.resolve(context::getConfigurationParameter),
            DatabaseSelection.class);
  }

  /** Whether the target's server answers, probed once per run. */
  static ServerProbe.Result availability(ExtensionContext context, Target target) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            List.of(ServerProbe.class, target.vendor()),
            key -> ServerProbe.probe(target),
            ServerProbe.Result.class);
  }

  /** The databases of the class running this test (the nested class, for a nested test). */
  static ClassDatabases classDatabases(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            testClass,
            key -> new ClassDatabases(testClass, databaseTest(testClass).orElseThrow().models()),
            ClassDatabases.class);
  }

  /** The test method (if any), then the test class and its enclosing classes: where rules live. */
  static List<AnnotatedElement> annotatedElements(ExtensionContext context) {
    List<AnnotatedElement> elements = new ArrayList<>();
    context.getTestMethod().ifPresent(elements::add);
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      elements.add(c);
    }
    return elements;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent()) {
      current = current.getParent().orElseThrow();
    }
    return current;
  }

  /** The nearest {@link DatabaseTest}: on the class, a superclass, or an enclosing class. */
  private static Optional<DatabaseTest> databaseTest(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<DatabaseTest> found = AnnotationSupport.findAnnotation(c, DatabaseTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
