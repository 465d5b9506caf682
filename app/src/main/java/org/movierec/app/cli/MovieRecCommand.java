package org.movierec.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code movierec} command that holds the subcommands. */
@Command(
    name = "movierec",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Neural movie recommendation: train on MovieLens-style ratings, save one model file,"
          + " predict ratings and recommend movies.",
      "Without arguments, runs the default demonstration (movierec demo).",
      "Exit codes: 0 success, 2 usage or configuration error, 1 failure."
    },
    subcommands = {
      DemoCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      RecommendCommand.class,
      SimilarCommand.class,
      CvCommand.class,
      TuneCommand.class,
      ConfigCommand.class,
      StatsCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      SplitCommand.class,
      GenerateCommand.class,
      DownloadCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      LoadtestCommand.class,
      NewUsersCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec",
      "  movierec train --data ml-100k --preset seed --model seed.mrec",
      "  movierec recommend --model seed.mrec --user 196 --data ml-100k",
      "  movierec serve --model seed.mrec --data ml-100k",
      "  movierec config --keys"
    })
final class MovieRecCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "print the full stack trace when a command fails")
  boolean verbose;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is needed: " + String.join(", ", spec.subcommands().keySet()));
  }
}
