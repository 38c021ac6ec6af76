package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Choices;

/** Where a memory's analysis stands. */
public enum AnalysisStatus implements Choices {
  PENDING("pending", "Pending"),
  DONE("done", "Done"),
  FAILED("failed", "Failed");

  private final String value;
  private final String label;

  AnalysisStatus(String value, String label) {
    this.value = value;
    this.label = label;
  }

  @Override
  public String value() {
    return value;
  }

  @Override
  public String label() {
    return label;
  }
}
