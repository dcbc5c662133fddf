/**
 * Database plumbing for SQLite: the database file's folder is created before the pool opens it,
 * and {@code Connection.setReadOnly} is kept from the driver (sqlite-jdbc refuses it on an open
 * connection; micronaut-data #3560).
 */
package nl.learnerwallet.server.db;
