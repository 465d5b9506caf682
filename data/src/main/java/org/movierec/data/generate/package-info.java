/**
 * A synthetic MovieLens generator: ratings from a latent-factor model with MovieLens-like skew,
 * written in any layout as a stream, deterministic by seed; and the embedded sample dataset built
 * with it on first use. Start with {@link org.movierec.data.generate.DatasetGenerator} and {@link
 * org.movierec.data.generate.GeneratorSpec}.
 */
package org.movierec.data.generate;
