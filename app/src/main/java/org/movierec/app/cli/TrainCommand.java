package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.data.Splitter;
import org.movierec.app.data.TrainTest;
import org.movierec.app.output.JsonPrinter;
import org.movierec.app.report.ReportWriter;
import org.movierec.app.training.InterruptGuard;
import org.movierec.app.training.TrainJob;
import org.movierec.app.training.TrainOutcome;
import org.movierec.app.training.TrainReport;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoreSnapshot;
import org.movierec.core.training.TrainingStoppedException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec train}: trains, saves one model file and reports test RMSE and baseline. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model on ratings, save it to one file, load it back and report its test RMSE and"
          + " MAE next to the bias baseline's on the same split.",
      "Configuration merges defaults < --preset < --config < --set < flags."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec train --model demo.mrec --preset demo",
      "  movierec train --data ml-100k --preset seed --model seed.mrec",
      "  movierec train --data ml-100k/u1.base --test ml-100k/u1.test \\",
      "      --config examples/baseline.properties --model baseline.mrec --json",
      "  movierec train --data ml-100k --preset seed --model seed.mrec --report report/",
      "  movierec train --store ratings.db --preset seed --model seed.mrec",
      "  movierec train --data ml-100k --split random:0.2 --preset seed --set epochs=10 \\",
      "      --device cpu --model seed10.mrec"
    })
final class TrainCommand extends DataCommand {

  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "the ratings: a dataset directory or file, or 'sample' (the default)")
  Path data;

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description =
          "train on a consistent snapshot of this ratings store instead of --data: "
              + Stores.DESCRIPTION)
  String store;

  @ArgGroup(exclusive = true)
  Holdout holdout;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "where to save the trained model")
  Path model;

  @Option(names = "--json", description = "print only one JSON object with the results")
  boolean json;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "also write a Markdown report with plots into this directory")
  Path report;

  /** How the test ratings are chosen. */
  static final class Holdout {
    @Option(
        names = "--test",
        paramLabel = "FILE",
        description = "test ratings in their own file; --data then holds the training ratings")
    Path test;

    @Option(
        names = "--split",
        paramLabel = "SPEC",
        description = "how to split --data, e.g. random:0.1 (the default)")
    String split;
  }

  @Override
  public Integer call() throws Exception {
    if (holdout != null && holdout.test != null && data == null) {
      throw new ParameterException(
          spec.commandLine(), "--test needs --data with the training ratings");
    }
    if (store != null && (data != null || (holdout != null && holdout.test != null))) {
      throw new ParameterException(
          spec.commandLine(),
          "--store gives the ratings; leave out --data and --test (--split still applies)");
    }
    Injector injector = injector(configOptions.request());
    injector.getInstance(BackendProvider.class);
    TrainTest split = trainTest(injector);
    // Ctrl-C stops training after its batch; the guard holds the exit until the reason is printed.
    try (InterruptGuard guard = InterruptGuard.install()) {
      try (TrainOutcome outcome =
          injector.getInstance(TrainJob.class).run(split, model, guard.control())) {
        if (report != null) {
          var content =
              TrainReport.content(
                  outcome, split, injector.getInstance(TrainingConfig.class).toTextMap());
          var files = new ReportWriter().write(report, content);
          spec.commandLine().getErr().println("report written to " + files.get(0));
        }
        if (json) {
          injector.getInstance(JsonPrinter.class).print(outcome.toJson());
        } else {
          printSummary(spec.commandLine().getOut(), outcome, split);
        }
      } catch (TrainingStoppedException stopped) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + stopped.getMessage());
        err.flush();
        return InterruptGuard.EXIT_CODE;
      }
    }
    return 0;
  }

  private TrainTest trainTest(Injector injector) throws java.io.IOException {
    DatasetSource source = injector.getInstance(DatasetSource.class);
    if (holdout != null && holdout.test != null) {
      return source.readSplit(data, holdout.test);
    }
    RatingDataset ratings = store == null ? ratings(source, data) : snapshot(store);
    String splitSpec =
        holdout != null && holdout.split != null ? holdout.split : Splitter.DEFAULT_SPEC;
    long seed = injector.getInstance(TrainingConfig.class).seed();
    return injector.getInstance(Splitter.class).split(ratings, splitSpec, seed);
  }

  private RatingDataset snapshot(String location) {
    try (RatingStore ratings = Stores.open(location)) {
      StoreSnapshot snapshot = ratings.snapshot();
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "training on a snapshot of %s taken at %s: %,d ratings%n",
              snapshot.location(),
              snapshot.takenAt(),
              snapshot.ratings().size());
      return snapshot.ratings();
    }
  }

  /** Prints the human-readable result block shared by {@code train} and the default run. */
  static void printSummary(PrintWriter out, TrainOutcome outcome, TrainTest split) {
    var info = outcome.model().info();
    var scores = outcome.scores();
    out.printf(
        Locale.ROOT,
        "model saved to %s (backend %s, %s, %s)%n",
        outcome.modelFile(),
        info.backend(),
        info.engine(),
        outcome.device());
    out.printf(
        Locale.ROOT,
        "split: %s; %,d training and %,d test ratings, %,d test pairs cold-start%n",
        split.description(),
        outcome.trainRatings(),
        scores.count(),
        scores.coldPairs());
    out.printf(
        Locale.ROOT,
        "test RMSE %.4f  MAE %.4f   (bias baseline RMSE %.4f)%n",
        scores.rmse(),
        scores.mae(),
        outcome.baselineRmse());
    out.printf(
        Locale.ROOT,
        "trained %d epochs in %.1f s, %,.0f ratings/s%n",
        info.summary().epochsRun(),
        info.summary().trainSeconds(),
        info.summary().samplesPerSecond());
    out.flush();
  }
}
