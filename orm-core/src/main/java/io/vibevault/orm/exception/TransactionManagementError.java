package io.vibevault.orm.exception;

/**
 * A transaction was used wrongly: a query after an error inside an atomic block, {@code
 * selectForUpdate()} outside a transaction, a durable block nested in another, commit inside an
 * atomic block.
 *
 * <pre>{@code
 * Memory.objects.selectForUpdate().list();  // outside atomic: TransactionManagementError
 * }</pre>
 */
public class TransactionManagementError extends OrmException {
  public TransactionManagementError(String message) {
    super(message);
  }

  public TransactionManagementError(String message, Throwable cause) {
    super(message, cause);
  }
}
