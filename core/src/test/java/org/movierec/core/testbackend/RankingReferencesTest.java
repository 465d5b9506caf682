package org.movierec.core.testbackend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.RankingEvaluator;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.RankingReferences;
import org.movierec.core.eval.ReferenceMetrics;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.training.Trainer;

class RankingReferencesTest {

  private static final EvaluationOptions OPTIONS = EvaluationOptions.DEFAULTS.withThreads(1);

  private final SyntheticRatings data = SyntheticRatings.create();

  @Test
  void measure_registeredBackends_equalTheirOwnModelsMetricsInOrder() {
    BackendRegistry registry =
        new BackendRegistry(List.of(new MeanBiasTestBackend(), new RankedMeanBiasTestBackend()));
    TrainingConfig config = TrainingConfig.builder().set("backend", "djl").build();

    List<ReferenceMetrics> results =
        new RankingReferences(
                registry,
                List.of(RankedMeanBiasTestBackend.NAME, MeanBiasTestBackend.NAME),
                config,
                OPTIONS)
            .measure(data.train(), data.test());

    assertThat(results)
        .extracting(ReferenceMetrics::backend)
        .containsExactly(RankedMeanBiasTestBackend.NAME, MeanBiasTestBackend.NAME);
    assertThat(results.get(0).metrics())
        .isEqualTo(directly(new RankedMeanBiasTestBackend()))
        .isNotEqualTo(results.get(1).metrics());
    assertThat(results.get(1).metrics()).isEqualTo(directly(new MeanBiasTestBackend()));
  }

  @Test
  void measure_backendMissingOrRefusing_reportsWhyInsteadOfFailing() {
    BackendProvider refusing =
        new ForwardingProvider(new MeanBiasTestBackend()) {
          @Override
          public Trainer newTrainer() {
            return (train, validation, config, listener) -> {
              throw new ConfigException("the catalog needs 31.2 GB, the heap has 4.0 GB");
            };
          }
        };
    BackendRegistry registry = new BackendRegistry(List.of(refusing));

    List<ReferenceMetrics> results =
        new RankingReferences(
                registry,
                List.of(MeanBiasTestBackend.NAME, "absent"),
                TrainingConfig.defaults(),
                OPTIONS)
            .measure(data.train(), data.test());

    assertThat(results).noneMatch(ReferenceMetrics::measured);
    assertThat(results.get(0).unavailable()).contains("31.2 GB");
    assertThat(results.get(1).unavailable()).contains("absent").contains("class path");
  }

  private RankingMetrics directly(BackendProvider backend) {
    TrainingConfig config = TrainingConfig.builder().set("backend", backend.name()).build();
    try (Model model = backend.newTrainer().train(data.train(), config)) {
      return new RankingEvaluator(OPTIONS).evaluate(model, data.test());
    }
  }
}
