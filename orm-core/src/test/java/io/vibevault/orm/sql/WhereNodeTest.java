package io.vibevault.orm.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.expr.Value;
import org.junit.jupiter.api.Test;

/** A copy shares the nested nodes, so a nested node must refuse to change once attached. */
class WhereNodeTest {

  @Test
  void aCopyChangesApartFromItsSourceAndSharesNestedNodes() {
    WhereNode nested = new WhereNode(Connector.OR, false);
    nested.add(Value.of(1));
    WhereNode root = new WhereNode();
    root.add(nested);

    WhereNode copy = root.copy();
    copy.add(Value.of(2));

    assertThat(root.children).containsExactly(nested);
    assertThat(copy.children).hasSize(2);
    assertThat(copy.children.get(0)).isSameAs(nested);
  }

  @Test
  void anAttachedNodeRefusesNewChildren() {
    WhereNode nested = new WhereNode(Connector.OR, false);
    nested.add(Value.of(1));
    new WhereNode().add(nested);

    assertThatThrownBy(() -> nested.add(Value.of(2))).isInstanceOf(IllegalStateException.class);
    assertThat(nested.children).hasSize(1);
  }

  @Test
  void anEmptyNodeIsNotAttached() {
    WhereNode empty = new WhereNode();
    WhereNode root = new WhereNode();
    root.add(empty);

    assertThat(root.isEmpty()).isTrue();
    empty.add(Value.of(1));
    assertThat(empty.children).hasSize(1);
  }
}
