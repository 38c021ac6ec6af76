/**
 * The query description and its compiler (internal, used by the QuerySet layer): {@link
 * io.vibevault.orm.sql.Query} with its joins, aliases and where tree, and {@link
 * io.vibevault.orm.sql.SqlCompiler}, which asks the backend's operations for everything
 * vendor-specific. Never imports the QuerySet layer ({@code io.vibevault.orm.query}).
 */
package io.vibevault.orm.sql;
