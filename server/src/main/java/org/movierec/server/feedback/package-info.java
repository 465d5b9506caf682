/**
 * Feedback into a running server: ratings written to a store, users refit from their stored history
 * against the served model at once, and the configuration that guards the writes.
 */
package org.movierec.server.feedback;
