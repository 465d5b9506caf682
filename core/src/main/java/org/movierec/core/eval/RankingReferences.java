package org.movierec.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.BackendRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The textbook rankers a model's lists are measured against, beside popularity: each is a backend
 * found by name through the SPI, trained on the same training ratings as the model and measured on
 * the same test users, list length and threshold. A reference that cannot be trained here, because
 * its backend is not on the class path or its catalog does not fit its memory, is reported with the
 * reason rather than failing the evaluation.
 */
public final class RankingReferences {

  /** The references every ranking table shows by default: item-kNN, then EASE. */
  public static final List<String> DEFAULT_BACKENDS = List.of("itemknn", "ease");

  private static final Logger LOG = LoggerFactory.getLogger(RankingReferences.class);

  private final BackendRegistry registry;
  private final List<String> backends;
  private final TrainingConfig config;
  private final EvaluationOptions options;

  /**
   * References of the named backends.
   *
   * @param config the model's configuration; each reference takes it with its own backend, on the
   *     CPU, without a validation hold-out, so keys such as {@code neighbours} and {@code lambda}
   *     reach it
   */
  public RankingReferences(
      BackendRegistry registry,
      List<String> backends,
      TrainingConfig config,
      EvaluationOptions options) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.backends = List.copyOf(backends);
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The backend names measured, in order. */
  public List<String> backends() {
    return backends;
  }

  /**
   * Trains every reference on {@code train} and measures its top-k lists on {@code test}, which
   * must not overlap {@code train}.
   */
  public List<ReferenceMetrics> measure(RatingDataset train, RatingDataset test) {
    RankingEvaluator evaluator = new RankingEvaluator(options);
    return measure(train, model -> evaluator.evaluate(model, test));
  }

  /**
   * Trains every reference on {@code train} and measures each trained model with {@code
   * measurement}, such as lists for users folded in from a few ratings.
   */
  public List<ReferenceMetrics> measure(
      RatingDataset train, Function<Model, RankingMetrics> measurement) {
    List<ReferenceMetrics> results = new ArrayList<>();
    for (String name : backends) {
      results.add(measureOne(name, train, measurement));
    }
    return results;
  }

  private ReferenceMetrics measureOne(
      String name, RatingDataset train, Function<Model, RankingMetrics> measurement) {
    BackendProvider provider;
    try {
      provider = registry.get(name);
    } catch (ConfigException e) {
      return new ReferenceMetrics(
          name, name, null, "backend " + name + " is not on the class path");
    }
    TrainingConfig referenceConfig =
        config.toBuilder()
            .set(Keys.BACKEND, name)
            .set(Keys.DEVICE, "cpu")
            .set(Keys.VALIDATION_FRACTION, 0.0)
            .set(Keys.EARLY_STOPPING_PATIENCE, 0)
            .set(Keys.COLD_START, ColdStartPolicy.FALLBACK)
            .build();
    try (Model model = provider.newTrainer().train(train, referenceConfig)) {
      RankingMetrics metrics = measurement.apply(model);
      return new ReferenceMetrics(name, model.info().architecture(), metrics, null);
    } catch (RuntimeException e) {
      LOG.info("reference {} not measured: {}", name, e.getMessage());
      return new ReferenceMetrics(name, provider.description(), null, e.getMessage());
    }
  }
}
