package org.movierec.core.training;

/** The optimizers a backend offers. */
public enum OptimizerKind {
  /** Adam with the configured betas and epsilon, as the seed recipe uses. */
  ADAM,
  /** Plain stochastic gradient descent. */
  SGD
}
