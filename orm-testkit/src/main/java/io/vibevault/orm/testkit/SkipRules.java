package io.vibevault.orm.testkit;

import io.vibevault.orm.backend.Features;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads {@link OnlyOn}, {@link SkipOn} and {@link RequiresFeature} from a test method and its class
 * and decides whether an invocation on a database is skipped. Names are checked: an unknown
 * database or feature name is an error, never a silent skip.
 */
final class SkipRules {
  private SkipRules() {}

  /** Why {@code vendor} is excluded by {@link OnlyOn} / {@link SkipOn} on these elements, if so. */
  static Optional<String> vendorSkipReason(Vendor vendor, List<AnnotatedElement> elements) {
    for (AnnotatedElement element : elements) {
      Optional<OnlyOn> only = AnnotationSupport.findAnnotation(element, OnlyOn.class);
      if (only.isPresent()) {
        Set<Vendor> allowed = vendors(only.get().value(), "@OnlyOn on " + element);
        if (!allowed.contains(vendor)) {
          return Optional.of("@OnlyOn(" + labels(allowed) + "): not run on " + vendor.label());
        }
      }
      Optional<SkipOn> skip = AnnotationSupport.findAnnotation(element, SkipOn.class);
      if (skip.isPresent()) {
        Set<Vendor> skipped = vendors(skip.get().value(), "@SkipOn on " + element);
        if (skipped.contains(vendor)) {
          String reason = skip.get().reason();
          return Optional.of(
              "@SkipOn(" + vendor.label() + ")" + (reason.isEmpty() ? "" : ": " + reason));
        }
      }
    }
    return Optional.empty();
  }

  /** The feature names {@link RequiresFeature} asks for on these elements, in order. */
  static List<String> requiredFeatures(List<AnnotatedElement> elements) {
    Set<String> names = new LinkedHashSet<>();
    for (AnnotatedElement element : elements) {
      AnnotationSupport.findAnnotation(element, RequiresFeature.class)
          .ifPresent(r -> names.addAll(Arrays.asList(r.value())));
    }
    return List.copyOf(names);
  }

  /**
   * The names among {@code names} that {@code features} answers {@code false} to; an error naming
   * the valid choices when a name is not a boolean no-argument method of {@link Features}.
   */
  static List<String> missingFeatures(Features features, List<String> names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      Method method = featureMethod(name);
      try {
        if (!(Boolean) method.invoke(features)) {
          missing.add(name);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot ask Features." + name + "()", e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("Features." + name + "() failed", e.getCause());
      }
    }
    return missing;
  }

  /** The names {@link RequiresFeature} accepts. */
  static Set<String> booleanFeatures() {
    Set<String> names = new TreeSet<>();
    for (Method m : Features.class.getMethods()) {
      if (isBooleanFeature(m)) {
        names.add(m.getName());
      }
    }
    return names;
  }

  private static Method featureMethod(String name) {
    try {
      Method m = Features.class.getMethod(name);
      if (isBooleanFeature(m)) {
        return m;
      }
    } catch (NoSuchMethodException e) {
      // Reported below with the valid names.
    }
    throw new IllegalArgumentException(
        "@RequiresFeature(\""
            + name
            + "\") names no boolean feature of io.vibevault.orm.backend.Features; choose from "
            + booleanFeatures());
  }

  private static boolean isBooleanFeature(Method m) {
    return m.getReturnType() == boolean.class
        && m.getParameterCount() == 0
        && !Modifier.isStatic(m.getModifiers());
  }

  private static Set<Vendor> vendors(String[] names, String where) {
    Set<Vendor> vendors = new LinkedHashSet<>();
    for (String name : names) {
      vendors.add(Vendor.named(name, where));
    }
    return vendors;
  }

  private static String labels(Set<Vendor> vendors) {
    return String.join(", ", vendors.stream().map(Vendor::label).toList());
  }
}
