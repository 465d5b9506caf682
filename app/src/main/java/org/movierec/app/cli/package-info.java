/**
 * The picocli commands of {@code movierec}: thin shells that resolve the configuration, build the
 * Guice injector and call the feature services. Start with {@link org.movierec.app.cli.Cli}, which
 * lists every command; docs/cli.md shows each one.
 */
package org.movierec.app.cli;
