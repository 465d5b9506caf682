/**
 * The two ratings stores: SQLite in one file (the embedded default, WAL, durable commits) and
 * PostgreSQL by JDBC URL through a connection pool, both with their schema versioned and migrated
 * by Flyway.
 */
package org.movierec.store;
