package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Choices;

/** Integer choices. */
public enum Priority implements Choices {
  LOW(1, "Low"),
  HIGH(10, "High");

  private final int value;
  private final String label;

  Priority(int value, String label) {
    this.value = value;
    this.label = label;
  }

  @Override
  public Integer value() {
    return value;
  }

  @Override
  public String label() {
    return label;
  }
}
