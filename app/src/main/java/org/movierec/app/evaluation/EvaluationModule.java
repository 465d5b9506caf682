package org.movierec.app.evaluation;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import org.movierec.core.config.TrainingConfig;

/** Binds the evaluator and the baseline reference. */
public final class EvaluationModule extends AbstractModule {

  @Provides
  Evaluator evaluator() {
    return new Evaluator();
  }

  @Provides
  BaselineReference baselineReference(TrainingConfig config) {
    return new BaselineReference(config);
  }
}
