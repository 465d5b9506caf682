package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.EmbeddingOptimizer;
import org.movierec.core.training.LearningRateSchedule;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.OutputOffset;

class PresetsTest {

  @Test
  void everyPreset_buildsAValidConfig() {
    for (Preset preset : Presets.all()) {
      TrainingConfig config = TrainingConfig.builder().setAll(preset.settings()).build();
      assertThat(NetworkSpecs.resolve(config.network())).isNotNull();
    }
  }

  @Test
  void seed_isTheOriginalRecipe() {
    TrainingConfig config = TrainingConfig.builder().setAll(Presets.SEED.settings()).build();

    assertThat(config.epochs()).isEqualTo(50);
    assertThat(config.batchSize()).isEqualTo(256);
    assertThat(config.learningRate()).isEqualTo(0.001);
    assertThat(config.loss()).isEqualTo(LossKind.RMSE);
    assertThat(config.weightDecay()).isZero();
    assertThat(config.earlyStoppingPatience()).isZero();
  }

  @Test
  void tuned_keepsTheSeedArchitecture() {
    TrainingConfig config = TrainingConfig.builder().setAll(Presets.TUNED.settings()).build();
    NetworkSpec seed = NetworkSpec.seed();

    NetworkSpec tuned = NetworkSpecs.resolve(config.network());

    assertThat(tuned.userEmbedding().dim()).isEqualTo(seed.userEmbedding().dim());
    assertThat(tuned.movieEmbedding().dim()).isEqualTo(seed.movieEmbedding().dim());
    assertThat(tuned.layers())
        .extracting(DenseLayerSpec::units, DenseLayerSpec::activation)
        .containsExactlyElementsOf(
            seed.layers().stream().map(layer -> tuple(layer.units(), layer.activation())).toList());
  }

  @Test
  void tuned_changesOnlyTheOutputLayersInit() {
    NetworkSpec seed = NetworkSpec.seed();

    NetworkSpec tuned = NetworkSpecs.resolve(NetworkSpecs.SEED_POSITIVE_OUTPUT);

    assertThat(tuned.userEmbedding()).isEqualTo(seed.userEmbedding());
    assertThat(tuned.movieEmbedding()).isEqualTo(seed.movieEmbedding());
    assertThat(tuned.layers().subList(0, 3)).isEqualTo(seed.layers().subList(0, 3));
    assertThat(tuned.layers().get(3).init()).isEqualTo(Initializer.constant(0.1));
  }

  @Test
  void tuned_validatesOnTrainingRatingsAndKeepsTheBestEpoch() {
    TrainingConfig config = TrainingConfig.builder().setAll(Presets.TUNED.settings()).build();

    assertThat(config.loss()).isEqualTo(LossKind.MSE);
    assertThat(config.learningRateSchedule()).isEqualTo(LearningRateSchedule.COSINE);
    assertThat(config.validationFraction()).isEqualTo(0.05);
    assertThat(config.earlyStoppingPatience()).isPositive();
    assertThat(config.embeddingWeightDecay()).isEqualTo(0.14);
  }

  @Test
  void demo_isTheTunedRecipeShortenedForTheSample() {
    TrainingConfig demo = TrainingConfig.builder().setAll(Presets.DEMO.settings()).build();
    TrainingConfig tuned = TrainingConfig.builder().setAll(Presets.TUNED.settings()).build();

    assertThat(demo.network()).isEqualTo(tuned.network());
    assertThat(demo.learningRateSchedule()).isEqualTo(tuned.learningRateSchedule());
    assertThat(demo.validationFraction()).isEqualTo(tuned.validationFraction());
    assertThat(demo.epochs()).isLessThan(tuned.epochs());
  }

  @Test
  void seed_keepsDenseEmbeddingUpdates_tunedAndDemo_denseOnSmallTablesLazyOnLarge() {
    TrainingConfig seed = TrainingConfig.builder().setAll(Presets.SEED.settings()).build();
    assertThat(seed.embeddingOptimizer()).isEqualTo(EmbeddingOptimizer.DENSE);
    for (Preset preset : new Preset[] {Presets.TUNED, Presets.DEMO}) {
      TrainingConfig config = TrainingConfig.builder().setAll(preset.settings()).build();
      assertThat(config.embeddingOptimizer()).as(preset.name()).isEqualTo(EmbeddingOptimizer.AUTO);
      // ml-100k's tables (2,625 rows of 30) train exactly as tuned there; ml-25m's go lazy.
      assertThat(config.embeddingOptimizer().resolve(2_625 * 30, false))
          .isEqualTo(EmbeddingOptimizer.DENSE);
      assertThat(config.embeddingOptimizer().resolve(224_964L * 30, false))
          .isEqualTo(EmbeddingOptimizer.LAZY);
    }
  }

  @Test
  void rank_ranksWithSampledNegativesOverUsersFromTheirHistory() {
    TrainingConfig config = TrainingConfig.builder().setAll(Presets.RANK.settings()).build();

    assertThat(config.objective()).isEqualTo(org.movierec.core.training.TrainingObjective.RANKING);
    NetworkSpec spec = NetworkSpecs.resolve(config.network());
    assertThat(spec).isEqualTo(NetworkSpecs.seedRank());
    assertThat(spec.history()).isEqualTo(UserHistory.SQRT);
    assertThat(spec.layers().subList(0, 3)).isEqualTo(NetworkSpec.seed().layers().subList(0, 3));
    assertThat(config.get(org.movierec.core.config.Keys.NEGATIVES)).isEqualTo(16);
    assertThat(config.validationFraction()).isEqualTo(0.05);
    assertThat(config.earlyStoppingPatience()).isPositive();
  }

  @Test
  void seedTunedAndDemo_predictWithTheNetworkAlone() {
    for (Preset preset : new Preset[] {Presets.SEED, Presets.TUNED, Presets.DEMO}) {
      TrainingConfig config = TrainingConfig.builder().setAll(preset.settings()).build();
      assertThat(config.outputOffset()).as(preset.name()).isEqualTo(OutputOffset.NONE);
    }
  }

  @Test
  void large_isTheBiasEstimatePlusTheSeedNetworkWithADotProductAndLazyUpdates() {
    TrainingConfig config = TrainingConfig.builder().setAll(Presets.LARGE.settings()).build();

    NetworkSpec large = NetworkSpecs.resolve(config.network());

    assertThat(config.embeddingOptimizer()).isEqualTo(EmbeddingOptimizer.LAZY);
    assertThat(config.outputOffset()).isEqualTo(OutputOffset.BIASES);
    assertThat(large).isEqualTo(NetworkSpecs.seedResidualDot());
    assertThat(large.layers().get(large.layers().size() - 1).activation())
        .isEqualTo(Activation.IDENTITY);
    assertThat(config.embeddingWeightDecay()).isZero();
    assertThat(config.validationFraction()).isEqualTo(0.05);
    assertThat(config.earlyStoppingPatience()).isPositive();
  }
}
