/**
 * Measures trained models on held-out ratings: rating error (RMSE, MAE, cold-start pairs apart),
 * top-N ranking quality over the whole catalog, and k-fold cross-validation that trains one model
 * per fold and summarizes the folds.
 */
package org.movierec.core.eval;
