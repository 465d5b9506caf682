/**
 * Serves a trained model over HTTP: {@link org.movierec.server.MovieRecServer} with its
 * configuration, usable from the command line ({@code movierec serve}) or as a library.
 */
package org.movierec.server;
