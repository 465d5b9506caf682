package org.movierec.core.training;

/**
 * What a network is trained to do: predict the stars a user gives a movie they rated, tell the
 * movies a user rated from those they did not, or both at once from the same embeddings.
 */
public enum TrainingObjective {
  /**
   * Fit the observed ratings (the {@code loss} key's MSE or RMSE); lists are ordered by the
   * predicted rating. The seed recipe's objective.
   */
  RATING,
  /**
   * Tell rated movies from unrated ones: every training rating is a positive, {@code negatives}
   * unrated movies are sampled per positive each epoch, and the network's output is the logit of a
   * binary cross-entropy; lists are ordered by that logit, and the rating estimate is the bias
   * estimate.
   */
  RANKING,
  /**
   * Both, on the same embeddings and tower: the spec's output layer predicts the rating (its loss
   * over the positives), its {@code ranking_head} gives the ranking logit (binary cross-entropy
   * over positives and sampled negatives, weighted by {@code ranking_weight}); one model predicts
   * stars and orders lists by the logit.
   */
  JOINT;

  /** Tells whether this objective trains a ranking logit on sampled negatives. */
  public boolean ranks() {
    return this != RATING;
  }

  /** Tells whether this objective trains a rating prediction. */
  public boolean rates() {
    return this != RANKING;
  }
}
