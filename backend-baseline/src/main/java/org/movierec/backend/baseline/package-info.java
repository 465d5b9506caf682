/**
 * The bias baseline backend: global mean plus regularized user and movie biases, pure Java. It is
 * the honest reference every report shows next to the network and proves that backends swap by
 * configuration alone. Start with {@link org.movierec.backend.baseline.BaselineBackendProvider}.
 */
package org.movierec.backend.baseline;
