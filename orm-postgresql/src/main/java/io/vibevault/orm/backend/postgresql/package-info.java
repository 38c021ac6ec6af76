/**
 * The PostgreSQL backend (contract implementation, found through {@link java.util.ServiceLoader}):
 * {@link io.vibevault.orm.backend.postgresql.PostgresqlBackend} with its operations, features,
 * schema editor and test databases. pgjdbc always runs in extended query mode (parameters travel
 * apart from the SQL), sessions run in UTC, JSON is {@code jsonb} reached with bound keys, and IN
 * lists are one array parameter.
 *
 * <pre>{@code
 * Database.configure("default", "postgresql://postgres@127.0.0.1:5432/test");
 * }</pre>
 */
package io.vibevault.orm.backend.postgresql;
