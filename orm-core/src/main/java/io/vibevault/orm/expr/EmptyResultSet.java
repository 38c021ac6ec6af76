package io.vibevault.orm.expr;

/**
 * Thrown while compiling a condition that can match no row ({@code id__in=[]}), so the compiler can
 * answer without asking the database. Internal signal, never seen by users.
 */
public final class EmptyResultSet extends RuntimeException {
  public EmptyResultSet() {
    super(null, null, false, false);
  }
}
