/**
 * The one configuration format (Java properties) and the merge of defaults, preset, config file,
 * {@code --set} and flags into an effective configuration that remembers where each value came
 * from.
 */
package org.movierec.app.config;
