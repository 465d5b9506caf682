/**
 * Train/test splits that are deterministic for a seed and report the cold-start users and movies of
 * their test side: random holdout, per-user holdout, time cutoff and k-fold.
 */
package org.movierec.data.split;
