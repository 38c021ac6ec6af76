/**
 * Running SQL (internal, and the public {@link io.vibevault.orm.execution.Cursor} and {@link
 * io.vibevault.orm.execution.CapturedQuery}): per-thread connections over HikariCP pools,
 * transaction state, statement execution with bound parameters, query logging and capture,
 * hydration of rows into models.
 */
package io.vibevault.orm.execution;
