/** The regularized bias estimate shared by the baseline backend and every cold-start fallback. */
package org.movierec.core.bias;
