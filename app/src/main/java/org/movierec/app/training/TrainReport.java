package org.movierec.app.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.movierec.app.data.TrainTest;
import org.movierec.app.report.MetricsRow;
import org.movierec.app.report.ReportContent;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;

/** Collects what {@code train --report DIR} shows: configuration, data, metrics and plots. */
public final class TrainReport {

  private TrainReport() {}

  /** The report content of a finished training job. */
  public static ReportContent content(
      TrainOutcome outcome, TrainTest split, Map<String, String> configuration) {
    Model model = outcome.model();
    Map<String, Double> modelMetrics = new LinkedHashMap<>();
    modelMetrics.put("rmse", outcome.scores().rmse());
    modelMetrics.put("mae", outcome.scores().mae());
    ReportContent.Builder report =
        ReportContent.builder("movierec train")
            .optConfiguration(configuration)
            .optData("split", split.description())
            .optData("training ratings", split.train().size())
            .optData("test ratings", split.test().size())
            .optData("cold-start test pairs", outcome.scores().coldPairs())
            .optMetrics(new MetricsRow(model.info().backend(), modelMetrics))
            .optMetrics(new MetricsRow("bias baseline", Map.of("rmse", outcome.baselineRmse())))
            .optHistory(model.info().summary().history());
    float[][] pairs = predictions(model, split.test());
    return report.optPredictions(pairs[0], pairs[1]).build();
  }

  /** Predicted and true ratings of the test pairs the model answers. */
  private static float[][] predictions(Model model, RatingDataset test) {
    boolean all = model.coldStartPolicy() == ColdStartPolicy.FALLBACK;
    int[] users = new int[test.size()];
    int[] movies = new int[test.size()];
    float[] truth = new float[test.size()];
    int count = 0;
    for (int row = 0; row < test.size(); row++) {
      int user = test.rawUserId(row);
      int movie = test.rawMovieId(row);
      if (all || (model.knowsUser(user) && model.knowsMovie(movie))) {
        users[count] = user;
        movies[count] = movie;
        truth[count] = test.rating(row);
        count++;
      }
    }
    float[] predicted =
        model.predict(
            java.util.Arrays.copyOf(users, count), java.util.Arrays.copyOf(movies, count));
    return new float[][] {predicted, java.util.Arrays.copyOf(truth, count)};
  }
}
