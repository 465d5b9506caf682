/**
 * The picocli commands of {@code movierec}: thin shells that resolve the configuration, build the
 * Guice injector and call the feature services.
 */
package org.movierec.app.cli;
