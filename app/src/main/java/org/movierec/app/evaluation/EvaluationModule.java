package org.movierec.app.evaluation;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.RankingReferences;
import org.movierec.core.spi.BackendRegistry;

/** Binds the rating and ranking evaluator and the references a model is measured against. */
public final class EvaluationModule extends AbstractModule {

  @Provides
  @ComputeThreads
  int computeThreads(TrainingConfig config) {
    return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
  }

  @Provides
  EvaluationOptions evaluationOptions(@ComputeThreads int threads) {
    return EvaluationOptions.DEFAULTS.withThreads(threads);
  }

  @Provides
  Evaluator evaluator(EvaluationOptions options) {
    return new Evaluator(options);
  }

  @Provides
  RankingReferences rankingReferences(
      BackendRegistry registry, TrainingConfig config, EvaluationOptions options) {
    return new RankingReferences(registry, RankingReferences.DEFAULT_BACKENDS, config, options);
  }

  @Provides
  BaselineReference baselineReference(TrainingConfig config) {
    return new BaselineReference(config);
  }
}
