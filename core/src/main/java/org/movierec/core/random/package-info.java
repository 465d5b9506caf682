/** Seeded random permutations shared by the splits, the generator and the trainers. */
package org.movierec.core.random;
