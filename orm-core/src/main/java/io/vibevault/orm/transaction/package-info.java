/**
 * Transactions (public API): {@link io.vibevault.orm.transaction.Transaction#atomic} blocks that
 * nest as savepoints, on-commit hooks, explicit savepoints, durable blocks, isolation levels and
 * retrying of transactions the database aborted.
 */
package io.vibevault.orm.transaction;
