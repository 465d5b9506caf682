package org.movierec.app.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.CrossValidation;
import org.movierec.core.eval.CrossValidationReport;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.Fold;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a search: each trial's configuration is the base configuration with the trial's settings
 * over it, cross-validated on the validation parts with {@link CrossValidation}. A part is a fold
 * whose "test" side is validation data carved out of training ratings, so the test ratings a result
 * is later reported on never take part. Trials run one after another; a trial whose training fails
 * (e.g. diverges) is recorded as failed and the search goes on.
 */
public final class Tuner {

  private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);

  private final Supplier<? extends Trainer> trainers;
  private final TrainingConfig base;
  private final Evaluator evaluator;

  /** Follows a search trial by trial; every method has an empty default. */
  public interface Listener {

    /** A listener that ignores everything. */
    Listener NONE = new Listener() {};

    /** A trial is about to run; returns the listener for its parts. */
    default CrossValidation.Listener onTrialStart(int number, int total, Map<String, String> set) {
      return CrossValidation.Listener.NONE;
    }

    /** A trial finished or failed. */
    default void onTrialEnd(TrialResult result, int total) {}
  }

  /** A tuner that trains with {@code trainers}, starting each trial from {@code base}. */
  public Tuner(Supplier<? extends Trainer> trainers, TrainingConfig base, Evaluator evaluator) {
    this.trainers = Objects.requireNonNull(trainers, "trainers");
    this.base = Objects.requireNonNull(base, "base");
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
  }

  /** The configuration a trial with these settings trains with. */
  public TrainingConfig configOf(Map<String, String> settings) {
    return TrainingConfig.builder().setAll(base.toTextMap()).setAll(settings).build();
  }

  /**
   * Runs every trial of the plan on the parts.
   *
   * @throws ConfigException before any training when a trial's configuration is inconsistent, e.g.
   *     early stopping without a validation fraction
   */
  public List<TrialResult> run(TrialPlan plan, List<Fold> parts, Listener listener) {
    List<TrainingConfig> configs = new ArrayList<>();
    for (Map<String, String> settings : plan.trials()) {
      try {
        configs.add(configOf(settings));
      } catch (ConfigException e) {
        throw new ConfigException("the trial with " + settings + ": " + e.getMessage());
      }
    }
    int total = configs.size();
    List<TrialResult> results = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      Map<String, String> settings = plan.trials().get(i);
      CrossValidation.Listener progress = listener.onTrialStart(i + 1, total, settings);
      long start = System.nanoTime();
      Optional<CrossValidationReport> report = Optional.empty();
      Optional<String> failure = Optional.empty();
      try {
        report =
            Optional.of(
                new CrossValidation(trainers, configs.get(i), evaluator).run(parts, progress));
      } catch (TrainingException e) {
        LOG.warn("trial {} failed: {}", i + 1, e.getMessage());
        failure = Optional.of(e.getMessage());
      }
      TrialResult result =
          new TrialResult(i + 1, settings, report, failure, (System.nanoTime() - start) / 1e9);
      listener.onTrialEnd(result, total);
      results.add(result);
    }
    return List.copyOf(results);
  }

  /** The trial with the lowest validation RMSE, the earliest on a tie; empty if all failed. */
  public static Optional<TrialResult> best(List<TrialResult> results) {
    return best(results, TuneObjective.RMSE);
  }

  /** The best trial by an objective, the earliest on a tie; empty if all failed. */
  public static Optional<TrialResult> best(List<TrialResult> results, TuneObjective objective) {
    return results.stream().filter(TrialResult::succeeded).min(objective.bestFirst());
  }
}
