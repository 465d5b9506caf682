/**
 * Load tests: of a saved model in-process (many threads calling predict and recommend at once) and
 * of a running server over HTTP, each answer checked against the library's. Start with {@link
 * org.movierec.app.bench.LoadTest} (in-process) and {@link org.movierec.app.bench.HttpLoadTest}
 * (over HTTP).
 */
package org.movierec.app.bench;
