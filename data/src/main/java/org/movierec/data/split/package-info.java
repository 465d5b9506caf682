/**
 * Train/test splits that are deterministic for a seed and report the cold-start users and movies of
 * their test side: random holdout, per-user holdout, time cutoff and k-fold. Start with {@link
 * org.movierec.data.split.Splits}, or {@link org.movierec.data.split.SplitSpec} for the command
 * line's forms.
 */
package org.movierec.data.split;
