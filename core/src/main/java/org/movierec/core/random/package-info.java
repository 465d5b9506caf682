/**
 * Seeded random permutations shared by the splits, the generator and the trainers. Start with
 * {@link org.movierec.core.random.Shuffle}.
 */
package org.movierec.core.random;
