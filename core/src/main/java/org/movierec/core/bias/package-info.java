/**
 * The regularized bias estimate shared by the baseline backend and every cold-start fallback. Start
 * with {@link org.movierec.core.bias.Biases}.
 */
package org.movierec.core.bias;
