/**
 * Query expressions (public API): {@link io.vibevault.orm.expr.F}, {@link
 * io.vibevault.orm.expr.Value}, arithmetic, {@link io.vibevault.orm.expr.OrderBy}, and the
 * contracts {@link io.vibevault.orm.expr.Compiler} and {@link io.vibevault.orm.expr.Resolver} the
 * SQL layer implements. Never imports the QuerySet layer.
 */
package io.vibevault.orm.expr;
