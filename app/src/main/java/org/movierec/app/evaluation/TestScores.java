package org.movierec.app.evaluation;

/**
 * Rating accuracy on test ratings.
 *
 * @param ratings the test ratings
 * @param scored the ratings that got a prediction (all of them unless cold_start=error)
 * @param rmse the root mean squared error over the scored ratings
 * @param mae the mean absolute error over the scored ratings
 * @param coldStartPairs test pairs whose user or movie the model never saw
 * @param coldStartRmse the RMSE over the cold-start pairs, {@code NaN} when none was scored
 */
public record TestScores(
    int ratings, int scored, double rmse, double mae, int coldStartPairs, double coldStartRmse) {}
