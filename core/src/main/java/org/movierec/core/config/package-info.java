/**
 * Typed, validated configuration keys and the errors they raise. Start with {@link
 * org.movierec.core.config.Keys}, every key with its default, and {@link
 * org.movierec.core.config.TrainingConfig}.
 */
package org.movierec.core.config;
