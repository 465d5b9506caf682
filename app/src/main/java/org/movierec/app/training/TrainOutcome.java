package org.movierec.app.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.model.Model;
import org.movierec.core.training.TrainingSummary;

/**
 * What a training job produced: the model as loaded back from its file, where it was trained, and
 * how it scored next to the bias baseline. Closing it closes the model.
 *
 * @param model the model loaded back from {@code modelFile}
 * @param device the device it was trained on
 * @param modelFile where the model was saved
 * @param trainRatings the number of training ratings
 * @param scores the model's rating error on the test ratings
 * @param baselineRmse the bias baseline's test RMSE on the same split
 * @param stuck whether the model answered every probed test pair alike, a dead network
 */
public record TrainOutcome(
    Model model,
    String device,
    Path modelFile,
    int trainRatings,
    RatingMetrics scores,
    double baselineRmse,
    boolean stuck)
    implements AutoCloseable {

  /** Rejects missing parts. */
  public TrainOutcome {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(scores, "scores");
  }

  /** The result as the fields {@code train --json} prints. */
  public Map<String, Object> toJson() {
    TrainingSummary summary = model.info().summary();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("backend", model.info().backend());
    json.put("engine", model.info().engine());
    json.put("device", device);
    json.put("epochs_run", summary.epochsRun());
    json.put("best_epoch", summary.bestEpoch());
    json.put("train_seconds", summary.trainSeconds());
    json.put("samples_per_second", summary.samplesPerSecond());
    json.put("train_ratings", trainRatings);
    json.put("test_ratings", scores.count());
    json.put("test_rmse", scores.rmse());
    json.put("test_mae", scores.mae());
    json.put("cold_start_pairs", scores.coldPairs());
    json.put("cold_start_rmse", scores.coldRmse());
    json.put("baseline_test_rmse", baselineRmse);
    json.put("model_file", modelFile.toString());
    json.put("output_stuck", stuck);
    return json;
  }

  @Override
  public void close() {
    model.close();
  }
}
