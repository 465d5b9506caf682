/**
 * Measures trained models on held-out ratings: rating error (RMSE, MAE, cold-start pairs apart),
 * top-N ranking quality over the whole catalog, and k-fold cross-validation that trains one model
 * per fold and summarizes the folds. Start with {@link org.movierec.core.eval.Evaluator} and {@link
 * org.movierec.core.eval.CrossValidation}; docs/evaluation.md defines each metric.
 */
package org.movierec.core.eval;
