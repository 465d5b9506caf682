/**
 * Hyperparameter search: a search space read from a small file, grid or seeded random trials, each
 * scored by cross-validation on validation data carved out of the training ratings only.
 */
package org.movierec.app.tune;
