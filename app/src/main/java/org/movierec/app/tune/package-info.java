/**
 * Hyperparameter search: a search space read from a small file, grid or seeded random trials, each
 * scored by cross-validation on validation data carved out of the training ratings only. Start with
 * {@link org.movierec.app.tune.Tuner} and {@link org.movierec.app.tune.SearchSpace}.
 */
package org.movierec.app.tune;
