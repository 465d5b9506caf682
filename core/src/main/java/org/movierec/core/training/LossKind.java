package org.movierec.core.training;

/** The training loss computed per batch. */
public enum LossKind {
  /** The square root of the batch's mean squared error, as the seed recipe. */
  RMSE,
  /** The batch's mean squared error. */
  MSE
}
