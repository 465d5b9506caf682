/**
 * The one configuration format (Java properties) and the merge of defaults, preset, config file,
 * {@code --set} and flags into an effective configuration that remembers where each value came
 * from. Start with {@link org.movierec.app.config.ConfigResolver}; {@link
 * org.movierec.app.config.ConfigReference} generates docs/configuration.md.
 */
package org.movierec.app.config;
