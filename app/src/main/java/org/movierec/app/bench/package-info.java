/**
 * Load tests: of a saved model in-process (many threads calling predict and recommend at once) and
 * of a running server over HTTP, each answer checked against the library's.
 */
package org.movierec.app.bench;
