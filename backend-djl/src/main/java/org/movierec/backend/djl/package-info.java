/**
 * The DJL backend: trains the declared network with Deep Java Library on PyTorch (CPU or CUDA),
 * stores it in one movierec model file and predicts on the JVM from the stored parameters.
 */
package org.movierec.backend.djl;
