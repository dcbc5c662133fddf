/**
 * Database plumbing for SQLite and PostgreSQL: which database a URL names and where its Flyway
 * migrations are, one writer at a time on SQLite, the SQLite file's folder created before the
 * pool opens it, {@code Connection.setReadOnly} kept from sqlite-jdbc (micronaut-data #3560), and
 * the copy of a server's data from SQLite into PostgreSQL.
 */
package nl.learnerwallet.server.db;
