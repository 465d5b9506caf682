/**
 * The HTTP endpoints: request parsing with errors that name the field, the JSON answers, and the
 * mapping of every failure to a JSON error body without internals.
 */
package org.movierec.server.api;
