/** Test fixtures of the store module: a real PostgreSQL server on loopback. */
package org.movierec.store.testing;
