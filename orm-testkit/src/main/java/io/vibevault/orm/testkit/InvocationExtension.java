package io.vibevault.orm.testkit;

import io.vibevault.orm.Database;
import io.vibevault.orm.NPlusOneGuard;
import io.vibevault.orm.execution.ConnectionHandler;
import io.vibevault.orm.testkit.DatabaseSelection.Target;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one {@code @DbTest} invocation on one database needs: the skip decision, the {@code
 * "default"} link around the test, the flush after it, strict mode of the {@link NPlusOneGuard}
 * (unless {@link AllowNPlusOne}), and the {@link TestDatabase} parameter.
 */
final class InvocationExtension
    implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(InvocationExtension.class);

  private final Target target;

  InvocationExtension(Target target) {
    this.target = target;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<AnnotatedElement> elements = DatabaseExtension.annotatedElements(context);
    Optional<String> vendorSkip = SkipRules.vendorSkipReason(target.vendor(), elements);
    if (vendorSkip.isPresent()) {
      return ConditionEvaluationResult.disabled(vendorSkip.get());
    }
    ServerProbe.Result availability = DatabaseExtension.availability(context, target);
    if (!availability.available()) {
      if (target.required()) {
        // Fails in beforeEach with a plain message; a condition that throws is reported wrapped.
        return ConditionEvaluationResult.enabled("required, so it fails");
      }
      return ConditionEvaluationResult.disabled(
          target.vendor().label()
              + " is not available: "
              + availability.reason()
              + " (set "
              + DatabaseSelection.VARIABLE
              + " to require it)");
    }
    List<String> features = SkipRules.requiredFeatures(elements);
    if (!features.isEmpty()) {
      List<String> missing = SkipRules.missingFeatures(database(context).features(), features);
      if (!missing.isEmpty()) {
        return ConditionEvaluationResult.disabled(
            target.vendor().label() + " lacks @RequiresFeature " + missing);
      }
    }
    return ConditionEvaluationResult.enabled("runs on " + target.vendor().label());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ServerProbe.Result availability = DatabaseExtension.availability(context, target);
    if (!availability.available()) {
      String label = target.vendor().label();
      throw new IllegalStateException(
          DatabaseSelection.VARIABLE
              + " requires "
              + label
              + ", which is not available: "
              + availability.reason()
              + ". Start the server, point "
              + target.vendor().urlVariable()
              + " at one, or leave "
              + label
              + " out of "
              + DatabaseSelection.VARIABLE
              + ".");
    }
    ConnectionHandler.get().link(Database.DEFAULT, database(context).alias());
    if (!allowsNPlusOne(context)) {
      context
          .getStore(NAMESPACE)
          .put(NPlusOneGuard.Scope.class, NPlusOneGuard.override(NPlusOneGuard.Mode.STRICT));
    }
  }

  /** Whether the test method or its classes carry {@link AllowNPlusOne}. */
  static boolean allowsNPlusOne(ExtensionContext context) {
    for (AnnotatedElement e : DatabaseExtension.annotatedElements(context)) {
      if (AnnotationSupport.isAnnotated(e, AllowNPlusOne.class)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    NPlusOneGuard.Scope strict =
        context.getStore(NAMESPACE).remove(NPlusOneGuard.Scope.class, NPlusOneGuard.Scope.class);
    if (strict != null) {
      strict.close();
    }
    try {
      // Only a database that exists is flushed: when creating it failed, beforeEach said so.
      DatabaseExtension.classDatabases(context).existing(target).ifPresent(IsolatedDatabase::flush);
    } finally {
      ConnectionHandler.get().unlink(Database.DEFAULT);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return database(context);
  }

  private TestDatabase database(ExtensionContext context) {
    return DatabaseExtension.classDatabases(context).get(target).database();
  }
}
