package io.vibevault.orm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Model inherits its bookkeeping from ModelState (one object less per instance). A Model method
 * with the name and parameters of a ModelState method would override it, in the same package, and a
 * call meant for the state would reach the public method (it once recursed forever).
 */
class ModelStateTest {
  @Test
  void modelDeclaresNoMethodOfItsState() {
    Set<String> state =
        Arrays.stream(ModelState.class.getDeclaredMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .map(ModelStateTest::signature)
            .collect(Collectors.toSet());
    assertThat(state).isNotEmpty();
    for (Method m : Model.class.getDeclaredMethods()) {
      assertThat(state).as("Model.%s", m.getName()).doesNotContain(signature(m));
    }
  }

  @Test
  void stateIsTheInstanceItself() {
    Model m = new Model() {};
    assertThat(m.state()).isSameAs(m);
    assertThat(m.state().adding).isTrue();
    assertThat(m.state().annotationValues()).isEmpty();
  }

  private static String signature(Method m) {
    return m.getName() + Arrays.toString(m.getParameterTypes());
  }
}
