package org.movierec.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.Provenance;
import org.movierec.core.pair.PairedModel;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingSummary;
import org.movierec.server.model.ModelLease;
import org.movierec.server.model.ServedModel;

/**
 * {@code GET /v1/model}: what is being served and how it was made. When a second file's model
 * predicts the ratings, the description is the list model's and {@code rating_model} describes the
 * other file.
 */
final class ModelEndpoints {

  /** The served model's identity and provenance. */
  record ModelDescription(
      String version,
      long generation,
      String file,
      String answers,
      String loadedAt,
      String backend,
      String engine,
      String trainedAt,
      String dataFingerprint,
      Long trainingRatings,
      Object architecture,
      int users,
      int movies,
      Scale scale,
      String coldStart,
      RankingScoreView rankingScore,
      Map<String, String> config,
      Training training,
      RatingModelDescription ratingModel) {}

  /** The model file that predicts the ratings, when it is not the one that orders the lists. */
  record RatingModelDescription(
      String version,
      String file,
      String answers,
      String backend,
      String engine,
      String trainedAt,
      String dataFingerprint,
      Long trainingRatings,
      Object architecture,
      Map<String, String> config,
      Training training) {}

  /** What the lists are ordered by: its name and what a higher score means. */
  record RankingScoreView(String name, String description) {}

  /** The rating scale. */
  record Scale(float min, float max, float step) {}

  /** What training measured. */
  record Training(
      int epochsRun,
      int bestEpoch,
      double trainSeconds,
      long samplesProcessed,
      Double bestValidationRmse,
      List<Epoch> history) {}

  /** One epoch's figures. */
  record Epoch(int epoch, double trainLoss, Double validationRmse, double learningRate) {}

  /** What the model that orders lists answers. */
  private static final String LISTS = "lists: recommendations, rankings and similar movies";

  /** What the model that predicts ratings answers. */
  private static final String RATINGS =
      "predicted ratings: predictions and every list entry's predicted_rating";

  private final Serving serving;
  private final RequestLimits limits;

  ModelEndpoints(Serving serving, RequestLimits limits) {
    this.serving = serving;
    this.limits = limits;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/v1/model", limits.guard(RequestLimits.Kind.READ, this::describe));
  }

  private void describe(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    try (ModelLease lease = serving.models().lease()) {
      ctx.json(description(lease.served()));
    }
  }

  private ModelDescription description(ServedModel served) {
    Model model = served.model();
    Model lists = model instanceof PairedModel pair ? pair.rankingModel() : model;
    ModelInfo info = lists.info();
    return new ModelDescription(
        served.version(),
        served.generation(),
        served.file().getFileName().toString(),
        model instanceof PairedModel ? LISTS : LISTS + " and " + RATINGS,
        served.loadedAt().toString(),
        info.backend(),
        info.engine(),
        info.trainedFrom().map(Provenance::trainedAt).orElse(null),
        info.trainedFrom().map(Provenance::dataSha256).orElse(null),
        info.trainedFrom().map(Provenance::ratings).orElse(null),
        architecture(info.architecture()),
        model.users().size(),
        model.movies().size(),
        new Scale(model.scale().min(), model.scale().max(), model.scale().step()),
        ConfigKey.wordOf(model.coldStartPolicy()),
        new RankingScoreView(model.rankingScore().name(), model.rankingScore().description()),
        new TreeMap<>(info.config()),
        training(info.summary()),
        model instanceof PairedModel pair ? ratingModel(served, pair.ratingModel().info()) : null);
  }

  private RatingModelDescription ratingModel(ServedModel served, ModelInfo info) {
    return new RatingModelDescription(
        served.ratingVersion().orElse(null),
        served.ratingFile().map(file -> file.getFileName().toString()).orElse(null),
        RATINGS,
        info.backend(),
        info.engine(),
        info.trainedFrom().map(Provenance::trainedAt).orElse(null),
        info.trainedFrom().map(Provenance::dataSha256).orElse(null),
        info.trainedFrom().map(Provenance::ratings).orElse(null),
        architecture(info.architecture()),
        new TreeMap<>(info.config()),
        training(info.summary()));
  }

  private static Training training(TrainingSummary summary) {
    return new Training(
        summary.epochsRun(),
        summary.bestEpoch(),
        summary.trainSeconds(),
        summary.samplesProcessed(),
        summary.bestReport().map(r -> finite(r.validationRmse())).orElse(null),
        summary.history().stream().map(ModelEndpoints::epoch).toList());
  }

  /** The architecture as JSON when the backend described it in JSON, else as text. */
  private Object architecture(String text) {
    try {
      JsonNode tree = serving.json().readTree(text);
      return tree != null && tree.isContainerNode() ? tree : text;
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  private static Epoch epoch(EpochReport report) {
    return new Epoch(
        report.epoch(), report.trainLoss(), finite(report.validationRmse()), report.learningRate());
  }

  /** JSON has no NaN: a figure that was not measured is left out. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
