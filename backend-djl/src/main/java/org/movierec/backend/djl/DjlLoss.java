package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.TrainingObjective;

/**
 * A batch's loss under the configured {@code objective}, computed on the JVM from the network's
 * outputs as {@link DjlTrainingStep#objective} does for ratings: the gradient with respect to each
 * output enters the engine as a constant, and the backward pass starts from {@code sum(out * g)}.
 *
 * <ul>
 *   <li>{@code rating}: the {@code loss} key's MSE or RMSE over the batch, the seed recipe's.
 *   <li>{@code ranking}: binary cross-entropy of the output as a logit, label 1 for a training
 *       rating and 0 for a sampled negative, averaged over the batch's pairs: {@code max(z, 0) - z
 *       y + log(1 + e^-|z|)}, whose gradient is {@code (sigmoid(z) - y) / n}.
 *   <li>{@code joint}: outputs {@code [n, 2]}; the rating loss over the training ratings of the
 *       batch (column 0; negatives have no rating and no gradient there) plus {@code
 *       ranking_weight} times the cross-entropy over all pairs (column 1).
 * </ul>
 *
 * @param objective what is trained
 * @param ratingLoss the loss of the rating output
 * @param rankingWeight the weight of the cross-entropy under {@code joint}
 */
record DjlLoss(TrainingObjective objective, LossKind ratingLoss, double rankingWeight) {

  /** The loss a configuration asks for. */
  static DjlLoss of(TrainingConfig config) {
    return new DjlLoss(config.objective(), config.loss(), config.get(Keys.RANKING_WEIGHT));
  }

  /** The loss and backward target of a batch's outputs. */
  DjlTrainingStep.Objective compute(NDArray predicted, DjlBatch batch) {
    return switch (objective) {
      case RATING -> DjlTrainingStep.objective(predicted, batch.ratings(), ratingLoss);
      case RANKING -> ranking(predicted, batch);
      case JOINT -> joint(predicted, batch);
    };
  }

  /**
   * The loss of a batch's first {@code n} outputs computed on the JVM, writing its gradient by each
   * output into {@code gradient}: what {@link #compute} gives, for a step that runs the network on
   * the JVM.
   *
   * @throws IllegalStateException under {@code joint}, whose network has two outputs per pair
   */
  double gradient(float[] out, int n, DjlBatch batch, float[] gradient) {
    return switch (objective) {
      case RATING -> rating(out, n, batch.ratings(), ratingLoss, gradient);
      case RANKING -> crossEntropy(out, 0, 1, batch.labels(), n, 1.0 / n, gradient);
      case JOINT ->
          throw new IllegalStateException("objective=joint needs a network with a ranking head");
    };
  }

  /**
   * Mean squared error of the first {@code n} predictions against the ratings, or its square root,
   * writing its gradient by each prediction into {@code gradient} ({@code 2(p - r)/n}, or {@code (p
   * - r)/(n * rmse)}, zero where the RMSE is zero).
   */
  static double rating(float[] p, int n, float[] ratings, LossKind loss, float[] gradient) {
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double difference = (double) p[i] - ratings[i];
      squares += difference * difference;
    }
    double meanSquare = squares / n;
    double rmse = Math.sqrt(meanSquare);
    double value = loss == LossKind.RMSE ? rmse : meanSquare;
    double scale = loss == LossKind.RMSE ? (rmse > 0 ? 1 / (n * rmse) : 0) : 2.0 / n;
    for (int i = 0; i < n; i++) {
      gradient[i] = (float) (((double) p[i] - ratings[i]) * scale);
    }
    return value;
  }

  private static DjlTrainingStep.Objective ranking(NDArray predicted, DjlBatch batch) {
    float[] z = predicted.toFloatArray();
    int n = z.length;
    float[] gradient = new float[n];
    double value = crossEntropy(z, 0, 1, batch.labels(), n, 1.0 / n, gradient);
    NDArray constant = predicted.getManager().create(gradient, predicted.getShape());
    return new DjlTrainingStep.Objective((float) value, predicted.mul(constant).sum());
  }

  private DjlTrainingStep.Objective joint(NDArray predicted, DjlBatch batch) {
    float[] out = predicted.toFloatArray();
    int n = batch.size();
    float[] labels = batch.labels();
    float[] ratings = batch.ratings();
    float[] gradient = new float[2 * n];
    int positives = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] > 0) {
        double difference = (double) out[2 * i] - ratings[i];
        squares += difference * difference;
        positives++;
      }
    }
    double ratingValue = 0;
    if (positives > 0) {
      double meanSquare = squares / positives;
      double rmse = Math.sqrt(meanSquare);
      ratingValue = ratingLoss == LossKind.RMSE ? rmse : meanSquare;
      double scale =
          ratingLoss == LossKind.RMSE ? (rmse > 0 ? 1 / (positives * rmse) : 0) : 2.0 / positives;
      for (int i = 0; i < n; i++) {
        if (labels[i] > 0) {
          gradient[2 * i] = (float) (((double) out[2 * i] - ratings[i]) * scale);
        }
      }
    }
    double rankingValue = crossEntropy(out, 1, 2, labels, n, rankingWeight / n, gradient);
    NDArray constant = predicted.getManager().create(gradient, predicted.getShape());
    return new DjlTrainingStep.Objective(
        (float) (ratingValue + rankingWeight * rankingValue), predicted.mul(constant).sum());
  }

  /**
   * The mean binary cross-entropy of logits {@code z[column + stride * i]} against {@code
   * labels[i]}, writing {@code scale * (sigmoid(z) - y)} into the same places of {@code gradient}.
   */
  static double crossEntropy(
      float[] z, int column, int stride, float[] labels, int n, double scale, float[] gradient) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double logit = z[column + stride * i];
      double label = labels[i];
      sum += Math.max(logit, 0) - logit * label + Math.log1p(Math.exp(-Math.abs(logit)));
      double probability = 1 / (1 + Math.exp(-logit));
      gradient[column + stride * i] = (float) ((probability - label) * scale);
    }
    return sum / n;
  }
}
