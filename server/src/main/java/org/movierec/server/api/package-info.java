/**
 * The HTTP endpoints: request parsing with errors that name the field, the JSON answers, and the
 * mapping of every failure to a JSON error body without internals. Start with {@link
 * org.movierec.server.api.Api}, the route table.
 */
package org.movierec.server.api;
