package org.movierec.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.UnknownIdException;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.core.training.TrainingSummary;

/**
 * What every backend's trainer must do on {@link SyntheticRatings}: train reproducibly for a seed,
 * know exactly the ids it trained on, remember its whole input when it holds ratings out for
 * validation, apply the configured cold-start policy, report progress in order, measure a given
 * validation set, record its provenance, and refuse empty input. A backend runs it by extending
 * this class with its provider and a quick configuration.
 */
public abstract class TrainerContractTest {

  private static final int SINGLE_RATING_USERS = 20;
  private static final int SINGLE_RATING_USER = 900_000;

  private final SyntheticRatings data = SyntheticRatings.create();

  /** The backend under test. */
  protected abstract BackendProvider provider();

  /** A training configuration that fits {@link SyntheticRatings} well within seconds. */
  protected abstract TrainingConfig config();

  @Test
  void train_sameConfigTwice_givesIdenticalPredictions() {
    int[] users = SyntheticRatings.pairUsers();
    int[] movies = SyntheticRatings.pairMovies();
    try (Model first = train(data.train(), config());
        Model second = train(data.train(), config())) {
      assertThat(second.predict(users, movies)).containsExactly(first.predict(users, movies));
    }
  }

  @Test
  void train_viewWhoseIndexHoldsUnratedIds_knowsExactlyTheRatedUsersAndMovies() {
    int droppedUser = SyntheticRatings.rawUser(3);
    int droppedMovie = SyntheticRatings.rawMovie(4);
    RatingDataset train = data.train();
    RatingDataset view =
        train.select(
            IntStream.range(0, train.size())
                .filter(row -> train.rawUserId(row) != droppedUser)
                .filter(row -> train.rawMovieId(row) != droppedMovie)
                .toArray());

    try (Model model = train(view, config())) {
      assertThat(view.users().contains(droppedUser)).isTrue();
      assertThat(model.knowsUser(droppedUser)).isFalse();
      assertThat(model.knowsMovie(droppedMovie)).isFalse();
      assertThat(model.users().size()).isEqualTo(SyntheticRatings.USERS - 1);
      assertThat(model.movies().size()).isEqualTo(SyntheticRatings.MOVIES - 1);
      for (int row = 0; row < view.size(); row++) {
        assertThat(model.knowsUser(view.rawUserId(row))).isTrue();
        assertThat(model.knowsMovie(view.rawMovieId(row))).isTrue();
      }
    }
  }

  @Test
  void train_coldStartError_givesAModelThatRefusesUnknownIds() {
    TrainingConfig strict =
        config().toBuilder().set(Keys.COLD_START, ColdStartPolicy.ERROR).build();

    try (Model model = train(data.train(), strict)) {
      assertThat(model.coldStartPolicy()).isEqualTo(ColdStartPolicy.ERROR);
      assertThatThrownBy(
              () -> model.predict(SyntheticRatings.UNKNOWN_USER, SyntheticRatings.rawMovie(0)))
          .isInstanceOf(UnknownIdException.class);
    }
  }

  @Test
  void train_listener_hearsTheStartEveryEpochInOrderAndTheEnd() {
    RecordingListener listener = new RecordingListener();

    try (Model model =
        provider().newTrainer().train(data.train(), Optional.empty(), config(), listener)) {
      assertThat(listener.starts).hasSize(1);
      TrainingListener.TrainingStart start = listener.starts.get(0);
      assertThat(start.backend()).isEqualTo(provider().name());
      assertThat(start.trainRatings() + start.validationRatings()).isEqualTo(data.train().size());
      List<EpochReport> epochs = listener.epochs;
      assertThat(epochs).isNotEmpty().hasSizeLessThanOrEqualTo(start.epochs());
      for (int i = 0; i < epochs.size(); i++) {
        assertThat(epochs.get(i).epoch()).isEqualTo(i + 1);
        assertThat(epochs.get(i).epochs()).isEqualTo(start.epochs());
        assertThat(epochs.get(i).trainLoss()).isFinite();
      }
      assertThat(listener.ends).hasSize(1);
      TrainingSummary summary = listener.ends.get(0);
      assertThat(summary.epochsRun()).isEqualTo(epochs.size());
      assertThat(summary.history()).isEqualTo(epochs);
      assertThat(summary.bestEpoch()).isBetween(1, epochs.size());
      assertThat(model.info().summary()).isEqualTo(summary);
    }
  }

  @Test
  void train_explicitValidation_isMeasuredAfterEveryEpoch() {
    RecordingListener listener = new RecordingListener();

    try (Model model =
        provider().newTrainer().train(data.train(), Optional.of(data.test()), config(), listener)) {
      assertThat(listener.starts.get(0).validationRatings()).isEqualTo(data.test().size());
      assertThat(listener.epochs)
          .isNotEmpty()
          .allSatisfy(report -> assertThat(report.validationRmse()).isFinite().isPositive());
      assertThat(model.info().summary().history()).allMatch(EpochReport::hasValidation);
    }
  }

  @Test
  void train_anyRun_recordsBackendAndConfigurationInTheModelInfo() {
    TrainingConfig config = config();

    try (Model model = train(data.train(), config)) {
      assertThat(model.info().backend()).isEqualTo(provider().name());
      assertThat(model.info().config()).containsEntry("seed", config.toTextMap().get("seed"));
      assertThat(model.info().summary().epochsRun()).isPositive();
    }
  }

  @Test
  void train_stopRequestedFromTheStart_stopsBeforeAnyBatchWithoutAnEnd() {
    RecordingListener listener = new RecordingListener(0);

    assertThatThrownBy(
            () -> provider().newTrainer().train(data.train(), Optional.empty(), config(), listener))
        .isInstanceOfSatisfying(
            TrainingStoppedException.class,
            e -> assertThat(List.of(e.epoch(), e.batch())).containsExactly(1, 1))
        .hasMessageContaining("training stopped on request before its first batch");
    assertThat(listener.batches).isZero();
    assertThat(listener.ends).isEmpty();
  }

  @Test
  void train_stopRequestedAfterTheFirstBatch_stopsBeforeTheSecond() {
    RecordingListener listener = new RecordingListener(1);
    Model model = null;
    try {
      model = provider().newTrainer().train(data.train(), Optional.empty(), config(), listener);
      TrainingListener.TrainingStart start = listener.starts.get(0);
      assertThat((long) start.epochs() * start.batchesPerEpoch())
          .as("only a run of one batch may finish after a stop request")
          .isEqualTo(1);
    } catch (TrainingStoppedException e) {
      int batches = listener.starts.get(0).batchesPerEpoch();
      assertThat((e.epoch() - 1) * batches + e.batch())
          .as("the batch it stopped before")
          .isEqualTo(2);
      assertThat(listener.ends).isEmpty();
    } finally {
      if (model != null) {
        model.close();
      }
    }
    assertThat(listener.batches).isEqualTo(1);
  }

  @Test
  void train_checkpointEveryEpoch_offersTheModelAfterEachEpochButTheLast() {
    TrainingConfig config = config().toBuilder().set(Keys.CHECKPOINT_EVERY, 1).build();
    RecordingListener listener = new RecordingListener(Integer.MAX_VALUE);

    try (Model model =
        provider().newTrainer().train(data.train(), Optional.empty(), config, listener)) {
      int epochsRun = model.info().summary().epochsRun();
      assertThat(listener.checkpoints)
          .containsExactlyElementsOf(IntStream.range(1, epochsRun).boxed().toList());
      assertThat(listener.checkpointPredictions)
          .allSatisfy(
              prediction ->
                  assertThat(prediction).isBetween(model.scale().min(), model.scale().max()));
    }
  }

  @Test
  void train_validationFraction_remembersTheWholeInputAndNeverRecommendsItsMovies() {
    // Twenty users with a single rating: a hold-out taken before the id maps loses half of them.
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    RatingDataset train = data.train();
    for (int row = 0; row < train.size(); row++) {
      builder.add(train.rawUserId(row), train.rawMovieId(row), train.rating(row), row);
    }
    for (int i = 0; i < SINGLE_RATING_USERS; i++) {
      builder.add(SINGLE_RATING_USER + i, SyntheticRatings.rawMovie(i), 4, i);
    }
    RatingDataset input = builder.build();
    Map<Integer, Set<Integer>> rated = new HashMap<>();
    for (int row = 0; row < input.size(); row++) {
      rated
          .computeIfAbsent(input.rawUserId(row), user -> new HashSet<>())
          .add(input.rawMovieId(row));
    }
    TrainingConfig config = config().toBuilder().set(Keys.VALIDATION_FRACTION, 0.5).build();

    try (Model model = train(input, config)) {
      assertThat(model.users().size()).isEqualTo(rated.size());
      assertThat(model.movies().size()).isEqualTo(SyntheticRatings.MOVIES);
      for (Map.Entry<Integer, Set<Integer>> user : rated.entrySet()) {
        assertThat(model.knowsUser(user.getKey())).as("user %d", user.getKey()).isTrue();
        assertThat(model.ratedMovies(user.getKey()))
            .as("user %d's rated movies", user.getKey())
            .containsExactly(
                user.getValue().stream().mapToInt(Integer::intValue).sorted().toArray());
        assertThat(model.recommend(user.getKey(), SyntheticRatings.MOVIES))
            .extracting(Recommendation::rawMovieId)
            .as("user %d's recommendations", user.getKey())
            .hasSize(SyntheticRatings.MOVIES - user.getValue().size())
            .doesNotContainAnyElementsOf(user.getValue());
      }
    }
  }

  @Test
  void train_noRatings_throwsIllegalArgumentException() {
    RatingDataset empty = new RatingsBuilder(RatingScale.WHOLE_STARS).build();

    assertThatThrownBy(() -> train(empty, config())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void close_trainedModelTwice_isHarmless() {
    Model model = train(data.train(), config());

    model.close();

    assertThatCode(model::close).doesNotThrowAnyException();
  }

  private Model train(RatingDataset ratings, TrainingConfig config) {
    return provider().newTrainer().train(ratings, config);
  }

  /** Keeps everything a trainer reports, and asks it to stop after a number of batches. */
  private static final class RecordingListener implements TrainingListener {
    final List<TrainingStart> starts = new ArrayList<>();
    final List<EpochReport> epochs = new ArrayList<>();
    final List<TrainingSummary> ends = new ArrayList<>();
    final List<Integer> checkpoints = new ArrayList<>();
    final List<Float> checkpointPredictions = new ArrayList<>();
    private final int stopAfterBatches;
    int batches;

    /** A listener that never asks to stop. */
    RecordingListener() {
      this(Integer.MAX_VALUE);
    }

    RecordingListener(int stopAfterBatches) {
      this.stopAfterBatches = stopAfterBatches;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
      this.batches++;
    }

    @Override
    public boolean stopRequested() {
      return batches >= stopAfterBatches;
    }

    @Override
    public void onCheckpoint(int epoch, Model model) {
      checkpoints.add(epoch);
      assertThat(model.info().summary().epochsRun()).isEqualTo(epoch);
      checkpointPredictions.add(
          model.predict(SyntheticRatings.pairUsers()[0], SyntheticRatings.pairMovies()[0]));
    }

    @Override
    public void onTrainingStart(TrainingStart start) {
      starts.add(start);
    }

    @Override
    public void onEpochEnd(EpochReport report) {
      epochs.add(report);
    }

    @Override
    public void onTrainingEnd(TrainingSummary summary) {
      ends.add(summary);
    }
  }
}
