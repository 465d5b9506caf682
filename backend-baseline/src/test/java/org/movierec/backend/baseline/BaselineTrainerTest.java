package org.movierec.backend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.UnknownIdException;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.HoldOut;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;

class BaselineTrainerTest {

  /** Three users, four movies; user 3 loves everything, movie 40 is disliked by all. */
  static ColumnarRatings tiny() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    builder.add(1, 10, 4, 100).add(1, 20, 3, 101).add(1, 40, 1, 102);
    builder.add(2, 10, 5, 103).add(2, 30, 4, 104).add(2, 40, 2, 105);
    builder.add(3, 20, 5, 106).add(3, 30, 5, 107).add(3, 40, 3, 108);
    return builder.build();
  }

  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().set("bias_reg_user", "2").set("bias_reg_movie", "1").build();

  @Test
  void train_tinyData_predictsTheBiasEstimate() {
    ColumnarRatings data = tiny();
    Model model = new BaselineTrainer().train(data, CONFIG);
    Biases expected = Biases.fit(RatingDatasets.compact(data), 2, 1, 10);
    for (int row = 0; row < data.size(); row++) {
      int user = data.userIndex(row);
      int movie = data.movieIndex(row);
      assertThat(model.predict(data.rawUserId(row), data.rawMovieId(row)))
          .isCloseTo(RatingScale.WHOLE_STARS.clip(expected.estimate(user, movie)), within(1e-6f));
    }
    assertThat(model.info().backend()).isEqualTo("baseline");
    assertThat(model.info().config()).containsEntry("bias_reg_user", "2");
  }

  @Test
  void train_userWhoRatesHigh_getsHigherPredictions() {
    Model model = new BaselineTrainer().train(tiny(), CONFIG);
    assertThat(model.predict(3, 10)).isGreaterThan(model.predict(1, 30));
  }

  @Test
  void recommend_knownUser_leavesOutRatedMoviesBestFirst() {
    Model model = new BaselineTrainer().train(tiny(), CONFIG);
    List<Recommendation> top = model.recommend(1, 10);
    assertThat(top).extracting(Recommendation::rawMovieId).containsExactly(30);
    assertThat(model.recommend(3, 10)).extracting(Recommendation::rawMovieId).containsExactly(10);
  }

  @Test
  void predict_unknownUserWithFallback_answersMovieBias() {
    Model model = new BaselineTrainer().train(tiny(), CONFIG);
    assertThat(model.predict(99, 10)).isGreaterThan(model.predict(99, 40));
  }

  @Test
  void predict_unknownUserWithErrorPolicy_namesTheId() {
    TrainingConfig strict = CONFIG.toBuilder().set("cold_start", "error").build();
    Model model = new BaselineTrainer().train(tiny(), strict);
    assertThatThrownBy(() -> model.predict(99, 10))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("user 99");
  }

  @Test
  void train_withListener_reportsOneHonestEpoch() {
    List<Object> events = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onTrainingStart(TrainingStart start) {
            events.add(start);
          }

          @Override
          public void onEpochEnd(EpochReport report) {
            events.add(report);
          }

          @Override
          public void onTrainingEnd(TrainingSummary summary) {
            events.add(summary);
          }
        };
    new BaselineTrainer().train(tiny(), Optional.of(tiny()), CONFIG, listener);
    assertThat(events).hasSize(3);
    TrainingListener.TrainingStart start = (TrainingListener.TrainingStart) events.get(0);
    assertThat(start.backend()).isEqualTo("baseline");
    assertThat(start.trainRatings()).isEqualTo(9);
    assertThat(start.validationRatings()).isEqualTo(9);
    EpochReport report = (EpochReport) events.get(1);
    assertThat(report.epoch()).isEqualTo(1);
    assertThat(report.samples()).isEqualTo(9);
    assertThat(report.hasValidation()).isTrue();
    assertThat(report.validationRmse()).isCloseTo(report.trainLoss(), within(1e-9));
    assertThat(((TrainingSummary) events.get(2)).epochsRun()).isEqualTo(1);
  }

  @Test
  void train_validationFraction_holdsOutThatShare() {
    ColumnarRatings data = tiny();
    TrainingConfig config =
        CONFIG.toBuilder().set(Keys.VALIDATION_FRACTION, 1.0 / 3).set(Keys.SEED, 7L).build();
    List<TrainingListener.TrainingStart> starts = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onTrainingStart(TrainingStart start) {
            starts.add(start);
          }
        };
    Model model = new BaselineTrainer().train(data, Optional.empty(), config, listener);
    assertThat(starts.get(0).trainRatings()).isEqualTo(6);
    assertThat(starts.get(0).validationRatings()).isEqualTo(3);
    assertThat(model.info().summary().history().get(0).hasValidation()).isTrue();
  }

  @Test
  void train_validationFraction_measuresTheSharedHoldOutAndKeepsBiasesOfTheWholeInput() {
    ColumnarRatings input = RatingDatasets.compact(SyntheticRatings.create().train());
    TrainingConfig config =
        CONFIG.toBuilder().set(Keys.VALIDATION_FRACTION, 0.2).set(Keys.SEED, 9L).build();
    HoldOut expected = HoldOut.split(input, 0.2, 9);
    List<TrainingListener.TrainingStart> starts = new ArrayList<>();
    List<EpochReport> reports = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onTrainingStart(TrainingStart start) {
            starts.add(start);
          }

          @Override
          public void onEpochEnd(EpochReport report) {
            reports.add(report);
          }
        };

    Model model = new BaselineTrainer().train(input, Optional.empty(), config, listener);

    assertThat(starts.get(0).validationRatings()).isEqualTo(expected.validation().size());
    assertThat(starts.get(0).trainRatings()).isEqualTo(expected.fitted().size());
    Biases withoutHoldOut = Biases.fit(expected.fitted(), config);
    assertThat(reports.get(0).validationRmse())
        .isEqualTo(withoutHoldOut.rmse(expected.fitted(), expected.validation()));
    Biases whole = Biases.fit(input, config);
    for (int row = 0; row < input.size(); row++) {
      assertThat(model.predict(input.rawUserId(row), input.rawMovieId(row)))
          .isEqualTo(
              input.scale().clip(whole.estimate(input.userIndex(row), input.movieIndex(row))));
    }
  }

  @Test
  void train_emptyData_failsClearly() {
    ColumnarRatings empty = new RatingsBuilder(RatingScale.WHOLE_STARS).build();
    assertThatThrownBy(() -> new BaselineTrainer().train(empty, CONFIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty training set");
  }

  @Test
  void train_gpuRequested_saysTheBaselineIsCpuOnly() {
    TrainingConfig gpu = CONFIG.toBuilder().set("device", "gpu").build();
    assertThatThrownBy(() -> new BaselineTrainer().train(tiny(), gpu))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("device=gpu")
        .hasMessageContaining("CPU only");
  }

  @Test
  void predict_afterClose_fails() {
    Model model = new BaselineTrainer().train(tiny(), CONFIG);
    model.close();
    assertThatThrownBy(() -> model.predict(1, 10)).isInstanceOf(IllegalStateException.class);
  }
}
