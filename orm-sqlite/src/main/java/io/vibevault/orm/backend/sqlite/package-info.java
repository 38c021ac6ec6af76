/**
 * The SQLite backend (contract implementation, found through {@link java.util.ServiceLoader}):
 * {@link io.vibevault.orm.backend.sqlite.SqliteBackend} with its operations, features, schema
 * editor and test databases. Connections use WAL, a busy timeout, enforced foreign keys and
 * IMMEDIATE transactions, and carry the Java functions the SQL relies on ({@code REGEXP}, {@code
 * vv_upper}). Values are stored as Django stores them: UTC date-time text, microsecond durations,
 * hex UUIDs.
 *
 * <pre>{@code
 * Database.configure("default", "sqlite:vibevault.sqlite3");
 * }</pre>
 */
package io.vibevault.orm.backend.sqlite;
