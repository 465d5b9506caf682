/**
 * The DJL backend: trains the declared network with Deep Java Library on PyTorch (CPU or CUDA),
 * stores it in one movierec model file and predicts on the JVM from the stored parameters. Start
 * with {@link org.movierec.backend.djl.DjlBackendProvider}, then {@link
 * org.movierec.backend.djl.DjlTrainer} and {@link org.movierec.backend.djl.DjlModel}.
 */
package org.movierec.backend.djl;
