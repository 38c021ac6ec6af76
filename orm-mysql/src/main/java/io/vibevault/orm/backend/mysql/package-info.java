/**
 * The MySQL and MariaDB backend (contract implementation, found through {@link
 * java.util.ServiceLoader}): {@link io.vibevault.orm.backend.mysql.MysqlBackend} with its
 * operations, features, schema editor and test databases. MariaDB is a flavour detected from the
 * server version ({@link io.vibevault.orm.backend.mysql.MysqlFlavour}). Sessions run in strict mode
 * and UTC; tables use utf8mb4 with a binary NO PAD collation so that equality and ordering are
 * PostgreSQL's.
 *
 * <pre>{@code
 * Database.configure("default", "mariadb://root@127.0.0.1:3306/test");
 * }</pre>
 */
package io.vibevault.orm.backend.mysql;
