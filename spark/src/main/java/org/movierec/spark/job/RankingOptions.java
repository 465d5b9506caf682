package org.movierec.spark.job;

import org.movierec.core.eval.EvaluationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The list length and relevance threshold of ranking metrics. */
final class RankingOptions {

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "10",
      description = "list length of ranking metrics (default ${DEFAULT-VALUE})")
  int k;

  @Option(
      names = "--relevance",
      paramLabel = "RATING",
      defaultValue = "4.0",
      description = "lowest test rating that counts as relevant (default ${DEFAULT-VALUE})")
  double threshold;

  /** The evaluation options, or a usage error naming the bad value. */
  EvaluationOptions options(CommandSpec spec) {
    try {
      return new EvaluationOptions(k, threshold, 1);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
