package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.HoldOut;
import org.movierec.core.training.OutputOffset;
import org.movierec.core.training.TrainingListener;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;
import org.movierec.model.NetworkSpecs;

/** {@code output_offset = biases}: the network learns the residual of the bias estimate. */
class DjlOffsetTest {

  private static final ColumnarRatings ALL = SyntheticRatings.generate(60, 40, 20, 5);
  private static DjlModel model;

  @BeforeAll
  static void train() {
    model = (DjlModel) new DjlTrainer().train(ALL, offsetConfig().build());
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static TrainingConfig.Builder offsetConfig() {
    return TrainingConfig.builder()
        .set("network", NetworkSpecs.SEED_RESIDUAL)
        .set("output_offset", "biases")
        .set("epochs", "6")
        .set("batch_size", "64")
        .set("learning_rate", "0.01");
  }

  @Test
  void predict_knownPairs_isTheBiasEstimatePlusTheNetworkOutput() {
    int n = ALL.size();
    int[] users = ALL.userIndices();
    int[] movies = ALL.movieIndices();
    float[] network = new float[n];
    new DjlScorer(model.spec(), model.parameters()).score(users, movies, n, network);
    Biases biases = model.state().biases();
    float[] raw = new float[n];
    model.scoreKnown(users, movies, n, raw);

    float[] predicted = model.predict(rawUsers(users), rawMovies(movies));

    double networkOnly = 0;
    for (int i = 0; i < n; i++) {
      float expected = network[i] + biases.estimate(users[i], movies[i]);
      assertThat(raw[i]).as("pair %d", i).isEqualTo(expected);
      assertThat(predicted[i]).as("pair %d", i).isEqualTo(ALL.scale().clip(expected));
      networkOnly += Math.abs(network[i]);
    }
    // The network carries only a correction: were it predicting ratings, it would be near 3.5.
    assertThat(networkOnly / n).isLessThan(1.0);
  }

  @Test
  void recommend_catalogScores_equalTheKnownPairScoresBitForBit() {
    for (int user = 0; user < ALL.users().size(); user += 7) {
      List<Recommendation> all = model.recommend(ALL.users().rawId(user), ALL.movies().size());
      int[] users = new int[all.size()];
      int[] movies = new int[all.size()];
      for (int i = 0; i < all.size(); i++) {
        users[i] = user;
        movies[i] = ALL.movies().indexOf(all.get(i).rawMovieId());
      }
      float[] pairs = new float[all.size()];
      model.scoreKnown(users, movies, all.size(), pairs);
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).score()).as("user %d, movie %d", user, movies[i]).isEqualTo(pairs[i]);
      }
    }
  }

  @Test
  void train_networkThatOutputsZero_fitsExactlyTheResiduals(@TempDir Path dir) throws IOException {
    // One batch of the whole data, an output layer of near zeros and a step too small to matter:
    // the
    // epoch's RMSE loss is that of a zero output against the targets, i.e. of the bias estimate.
    TrainingConfig config =
        offsetConfig()
            .set("epochs", "1")
            .set("batch_size", String.valueOf(ALL.size()))
            .set("learning_rate", "1e-9")
            .build();
    Path spec = Files.writeString(dir.resolve("zero-output.json"), zeroOutputSpec().toJson());
    Model zero =
        new DjlTrainer().train(ALL, config.toBuilder().set("network", spec.toString()).build());
    Biases biases = Biases.fit(RatingDatasets.compact(ALL), config);

    double squares = 0;
    for (int row = 0; row < ALL.size(); row++) {
      double residual = ALL.rating(row) - biases.estimate(ALL.userIndex(row), ALL.movieIndex(row));
      squares += residual * residual;
    }
    EpochReport epoch = zero.info().summary().history().get(0);
    assertThat(epoch.trainLoss()).isCloseTo(Math.sqrt(squares / ALL.size()), within(1e-4));
    for (int row = 0; row < ALL.size(); row += 13) {
      float baseline = ALL.scale().clip(biases.estimate(ALL.userIndex(row), ALL.movieIndex(row)));
      assertThat(zero.predict(ALL.rawUserId(row), ALL.rawMovieId(row)))
          .isCloseTo(baseline, within(1e-5f));
    }
  }

  @Test
  void train_validation_measuresTheOffsetPredictionsOnUnseenRatings() {
    HoldOut split = HoldOut.split(RatingDatasets.compact(ALL), 0.2, 3);
    Model trained =
        new DjlTrainer()
            .train(
                split.fitted(),
                Optional.of(split.validation()),
                offsetConfig().set("epochs", "3").build(),
                TrainingListener.NONE);

    EpochReport last = trained.info().summary().history().get(2);
    assertThat(last.validationRmse())
        .isCloseTo(RatingEvaluator.evaluate(trained, split.validation()).rmse(), within(1e-5));
  }

  @Test
  void train_withValidationFraction_fitsTheOffsetWithoutTheValidationRatings() {
    TrainingConfig config = offsetConfig().set("validation_fraction", "0.2").build();
    DjlTrainingData data = DjlTrainingData.prepare(ALL, Optional.empty(), config);

    Biases fitted = Biases.fit(data.train(), config);
    for (int user = 0; user < ALL.users().size(); user++) {
      assertThat(data.biases().estimate(user, 0)).isEqualTo(fitted.estimate(user, 0));
    }
    assertThat(data.biases().globalMean())
        .isNotEqualTo(Biases.fit(data.input(), config).globalMean());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dense", "lazy"})
  void train_offsetWithEmbeddingDot_learnsTheInteractionTheBiasesMiss(String embeddingOptimizer) {
    HoldOut split = HoldOut.split(RatingDatasets.compact(ALL), 0.2, 7);
    TrainingConfig config =
        offsetConfig()
            .set("network", NetworkSpecs.SEED_RESIDUAL_DOT)
            .set("embedding_optimizer", embeddingOptimizer)
            .set("epochs", "20")
            .set("batch_size", "32")
            .build();
    Model trained = new DjlTrainer().train(split.fitted(), config);

    double biases = Biases.fit(split.fitted(), config).rmse(split.fitted(), split.validation());
    // The ratings carry a rank-3 interaction of about one star: a model that learns it is far
    // ahead of the biases, which cannot express it.
    assertThat(RatingEvaluator.evaluate(trained, split.validation()).rmse())
        .isLessThan(0.9 * biases);
  }

  @Test
  void saveThenLoad_offsetModel_keepsEveryPrediction(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("offset.mrec");
    model.save(file);
    int[] users = rawUsers(ALL.userIndices());
    int[] movies = rawMovies(ALL.movieIndices());

    try (Model loaded =
        new DjlBackendProvider()
            .load(
                ModelFile.read(file),
                new RuntimeOptions(DeviceRequest.parse("cpu"), 0, ColdStartPolicy.FALLBACK, 0))) {
      assertThat(loaded.predict(users, movies)).containsExactly(model.predict(users, movies));
      assertThat(loaded.recommend(ALL.users().rawId(4), 10))
          .isEqualTo(model.recommend(ALL.users().rawId(4), 10));
    }
  }

  @Test
  void of_modelInfoWithoutTheKey_hasNoOffset() {
    Biases biases = model.state().biases();
    Map<String, String> old = new HashMap<>(model.info().config());
    old.remove("output_offset");
    ModelInfo info = model.info();
    ModelInfo before =
        new ModelInfo(info.backend(), info.engine(), info.architecture(), old, info.summary());

    assertThat(DjlOffset.of(before, biases).isNone()).isTrue();
    assertThat(DjlOffset.of(info, biases).isNone()).isFalse();
  }

  @Test
  void fill_withOffset_targetsAreRatingsLessTheEstimate() {
    Biases biases = model.state().biases();
    int[] order = {5, 0, 17, 3};
    DjlBatch batch = new DjlBatch(order.length);

    batch.fill(ALL, DjlOffset.of(OutputOffset.BIASES, biases), order, 0, order.length);
    float[] residuals = batch.ratings().clone();
    batch.fill(ALL, DjlOffset.of(OutputOffset.NONE, biases), order, 0, order.length);

    for (int i = 0; i < order.length; i++) {
      float rating = ALL.rating(order[i]);
      assertThat(batch.ratings()[i]).isEqualTo(rating);
      assertThat(residuals[i])
          .isEqualTo(rating - biases.estimate(ALL.userIndex(order[i]), ALL.movieIndex(order[i])));
    }
  }

  @Test
  void foldIn_aTrainedUsersRatings_predictsLikeThatUserAndRanksByTheSameScores() {
    int user = 9;
    int[] rated = model.state().rated().moviesOf(user);
    List<MovieRating> ratings = new ArrayList<>();
    for (int row = 0; row < ALL.size(); row++) {
      if (ALL.userIndex(row) == user) {
        ratings.add(new MovieRating(ALL.rawMovieId(row), ALL.rating(row)));
      }
    }
    assertThat(ratings).hasSize(rated.length);

    FoldedUser folded = model.foldIn(ratings);
    int[] movies = ALL.movies().rawIds();
    float[] asNew = folded.predict(movies);
    int[] sameUser = new int[movies.length];
    Arrays.fill(sameUser, ALL.users().rawId(user));
    float[] asTrained = model.predict(sameUser, movies);

    double difference = 0;
    for (int i = 0; i < movies.length; i++) {
      difference += Math.abs(asNew[i] - asTrained[i]);
    }
    // Fitting the raw ratings on top of the estimate would put every prediction stars away.
    assertThat(difference / movies.length).isLessThan(0.35);
    for (Recommendation recommendation : folded.recommend(movies.length)) {
      assertThat(folded.predict(recommendation.rawMovieId()))
          .isEqualTo(ALL.scale().clip(recommendation.score()));
    }
  }

  /** Embeddings of 3 + 3, 4 hidden ReLU units and an identity output of weights within 1e-12. */
  private static NetworkSpec zeroOutputSpec() {
    return new NetworkSpec(
        "zero-output",
        new EmbeddingSpec(3, Initializer.normal(0.3)),
        new EmbeddingSpec(3, Initializer.normal(0.3)),
        List.of(
            new DenseLayerSpec(4, Activation.RELU, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(1, Activation.IDENTITY, Initializer.uniform(1e-12))));
  }

  private static int[] rawUsers(int[] dense) {
    int[] raw = new int[dense.length];
    for (int i = 0; i < dense.length; i++) {
      raw[i] = ALL.users().rawId(dense[i]);
    }
    return raw;
  }

  private static int[] rawMovies(int[] dense) {
    int[] raw = new int[dense.length];
    for (int i = 0; i < dense.length; i++) {
      raw[i] = ALL.movies().rawId(dense[i]);
    }
    return raw;
  }
}
