package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Validator;

/** A field validator: odd numbers are refused by fullClean(). */
public final class EvenNumber implements Validator {
  @Override
  public String validate(Object value) {
    return value instanceof Number n && n.longValue() % 2 != 0
        ? n + " is not an even number."
        : null;
  }
}
