package org.movierec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.training.OptimizerKind;

class TrainingConfigTest {

  @Test
  void defaults_areTheSeedRecipesValues() {
    TrainingConfig config = TrainingConfig.defaults();

    assertThat(config.epochs()).isEqualTo(50);
    assertThat(config.batchSize()).isEqualTo(256);
    assertThat(config.learningRate()).isEqualTo(0.001);
    assertThat(config.optimizer()).isEqualTo(OptimizerKind.ADAM);
    assertThat(config.backend()).isEqualTo("djl");
    assertThat(config.device().kind()).isEqualTo(DeviceRequest.Kind.AUTO);
    assertThat(config.coldStart()).isEqualTo(ColdStartPolicy.FALLBACK);
  }

  @Test
  void set_byName_parsesEveryType() {
    TrainingConfig config =
        TrainingConfig.builder()
            .setAll(
                Map.of(
                    "epochs", "10",
                    "learning_rate", "0.01",
                    "optimizer", "SGD",
                    "seed", "-3",
                    "device", "gpu:1",
                    "cold_start", "error"))
            .build();

    assertThat(config.epochs()).isEqualTo(10);
    assertThat(config.learningRate()).isEqualTo(0.01);
    assertThat(config.optimizer()).isEqualTo(OptimizerKind.SGD);
    assertThat(config.seed()).isEqualTo(-3L);
    assertThat(config.device()).isEqualTo(new DeviceRequest(DeviceRequest.Kind.GPU, 1));
    assertThat(config.coldStart()).isEqualTo(ColdStartPolicy.ERROR);
  }

  @Test
  void build_typoInKey_suggestsNearestKey() {
    assertThatThrownBy(() -> TrainingConfig.builder().set("learnig_rate", "0.1").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration key 'learnig_rate'")
        .hasMessageContaining("did you mean 'learning_rate'?");
  }

  @Test
  void build_badValue_namesKeyValueAndAllowedRange() {
    assertThatThrownBy(() -> TrainingConfig.builder().set("batch_size", "0").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("batch_size")
        .hasMessageContaining("'0'")
        .hasMessageContaining("an integer in 1..");
  }

  @Test
  void build_badChoice_listsAllowedWords() {
    assertThatThrownBy(() -> TrainingConfig.builder().set("optimizer", "adagrad").build())
        .hasMessageContaining("optimizer")
        .hasMessageContaining("'adagrad'")
        .hasMessageContaining("one of adam, sgd");
  }

  @Test
  void build_severalProblems_reportsAllAtOnce() {
    assertThatThrownBy(
            () ->
                TrainingConfig.builder()
                    .set("epochs", "many")
                    .set("device", "tpu")
                    .set("bogus_key_name_xyz", "1")
                    .build())
        .hasMessageContaining("epochs")
        .hasMessageContaining("device")
        .hasMessageContaining("bogus_key_name_xyz");
  }

  @Test
  void build_earlyStoppingWithoutValidation_explainsWhatToSet() {
    assertThatThrownBy(() -> TrainingConfig.builder().set("early_stopping_patience", "3").build())
        .hasMessageContaining("validation_fraction");
  }

  @Test
  void build_nonFiniteLearningRate_isRejected() {
    assertThatThrownBy(() -> TrainingConfig.builder().set("learning_rate", "NaN").build())
        .hasMessageContaining("learning_rate");
  }

  @Test
  void toTextMap_roundTripsThroughBuilder() {
    TrainingConfig original =
        TrainingConfig.builder().set("epochs", "7").set("weight_decay", "0.0001").build();

    TrainingConfig copy = TrainingConfig.builder().setAll(original.toTextMap()).build();

    assertThat(copy).isEqualTo(original);
    assertThat(copy.changedFromDefaults()).containsOnlyKeys("epochs", "weight_decay");
  }

  @Test
  void keys_haveUniqueNamesAndDescriptions() {
    assertThat(Keys.ALL.stream().map(ConfigKey::name)).doesNotHaveDuplicates();
    assertThat(Keys.ALL).allSatisfy(key -> assertThat(key.description()).isNotBlank());
  }

  @Test
  void learningRateAt_stepSchedule_decaysEveryPeriod() {
    TrainingConfig config =
        TrainingConfig.builder()
            .set("lr_schedule", "step")
            .set("lr_decay_epochs", "2")
            .set("lr_decay_factor", "0.5")
            .set("learning_rate", "0.1")
            .build();

    assertThat(config.learningRateAt(0)).isEqualTo(0.1);
    assertThat(config.learningRateAt(1)).isEqualTo(0.1);
    assertThat(config.learningRateAt(2)).isEqualTo(0.05);
  }

  @Test
  void embeddingOptimizerAuto_isDefault_lazyBeyondTheTableSizeOrWithAHistory() {
    assertThat(TrainingConfig.defaults().embeddingOptimizer())
        .isEqualTo(org.movierec.core.training.EmbeddingOptimizer.AUTO);
    var auto = org.movierec.core.training.EmbeddingOptimizer.AUTO;
    var lazy = org.movierec.core.training.EmbeddingOptimizer.LAZY;
    var dense = org.movierec.core.training.EmbeddingOptimizer.DENSE;
    // ml-100k's tables: 2,625 rows of 30 values.
    assertThat(auto.resolve(2_625 * 30, false)).isEqualTo(dense);
    assertThat(auto.resolve(2_625 * 30, true)).isEqualTo(lazy);
    // ml-25m's tables: 224,964 rows of 30 values.
    assertThat(auto.resolve(224_964L * 30, false)).isEqualTo(lazy);
    assertThat(dense.resolve(224_964L * 30, false)).isEqualTo(dense);
    assertThat(lazy.resolve(10, false)).isEqualTo(lazy);
  }

  @Test
  void objectiveKeys_parseAndRejectBadValues() {
    TrainingConfig config =
        TrainingConfig.builder()
            .set("objective", "joint")
            .set("negatives", "8")
            .set("negative_sampling", "popularity")
            .build();
    assertThat(config.objective()).isEqualTo(org.movierec.core.training.TrainingObjective.JOINT);
    assertThat(config.get(Keys.NEGATIVES)).isEqualTo(8);
    assertThatThrownBy(() -> TrainingConfig.builder().set("objective", "rank").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("objective");
    assertThatThrownBy(() -> TrainingConfig.builder().set("negatives", "0").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("negatives");
  }
}
