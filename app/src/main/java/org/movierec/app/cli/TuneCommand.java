package org.movierec.app.cli;

import com.google.inject.Injector;
import com.google.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.data.Splitter;
import org.movierec.app.output.JsonPrinter;
import org.movierec.app.output.ProgressListener;
import org.movierec.app.report.ReportWriter;
import org.movierec.app.tune.SearchSpace;
import org.movierec.app.tune.TrialPlan;
import org.movierec.app.tune.TrialResult;
import org.movierec.app.tune.TuneObjective;
import org.movierec.app.tune.TuneResult;
import org.movierec.app.tune.Tuner;
import org.movierec.app.tune.ValidationParts;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.CrossValidation;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.Fold;
import org.movierec.core.eval.FoldResult;
import org.movierec.core.file.AtomicFiles;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.training.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec tune}: hyperparameter search scored on validation data carved from training. */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Search configuration keys for the lowest validation RMSE, or with --objective ndcg the"
          + " highest validation NDCG@10 of the top-10 lists: grid search when every key of"
          + " the space file is a list, seeded random search otherwise. Each trial trains the"
          + " configured backend (defaults < --preset < --config < --set < flags, then the trial's"
          + " keys) and is scored on validation data carved out of the training ratings only; keep"
          + " your test ratings out of --data and measure the chosen configuration on them once.",
      "--data FILE: hold out --validation F (default 0.1) as train --split random:F would, or"
          + " with --folds K deal K folds as cv --folds K would.",
      "--data DIR with predefined folds (ml-100k): only the training files u1.base to uK.base"
          + " (--folds K, default 1) are read, each with --validation F held out; the test files"
          + " are never opened.",
      "Space file, one key per line: 'key = a, b, c' lists values, 'key = range(lo, hi)' draws"
          + " uniformly, 'key = loguniform(lo, hi)' draws log-uniformly (rates, decays); integer"
          + " keys draw integers. Early stopping follows the configuration's"
          + " early_stopping_patience and validation_fraction."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec tune --data ml-100k/u1.base --space examples/tune-space.txt --trials 30 \\",
      "      --preset tuned --report tune-u1/",
      "  movierec tune --data ml-100k --folds 5 --space space.txt --preset tuned --json \\",
      "      --best best.properties",
      "  movierec train --data ml-100k/u1.base --test ml-100k/u1.test --config best.properties \\",
      "      --model tuned.mrec"
    })
final class TuneCommand extends DataCommand {

  private static final double DEFAULT_VALIDATION = 0.1;

  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "the training ratings: a file, a directory, or 'sample' (the default)")
  Path data;

  @Option(
      names = "--space",
      required = true,
      paramLabel = "FILE",
      description =
          "the search space: one 'key = list | range(lo, hi) | loguniform(lo, hi)' a line")
  Path space;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description = "trials to run; needed for random search, optional for a grid")
  Integer trials;

  @Option(
      names = "--folds",
      paramLabel = "K",
      description = "K random folds of the data, or its first K predefined training files")
  Integer folds;

  @Option(
      names = "--validation",
      paramLabel = "F",
      description = "share of each training part held out to score trials (default 0.1)")
  Double validation;

  @Option(
      names = "--objective",
      paramLabel = "rmse|ndcg",
      description =
          "what the best trial is chosen by: rmse, the validation RMSE (the default), or ndcg, the"
              + " validation NDCG@10 of the top-10 lists; keys that only change the lists, such as"
              + " lambda (ease) and neighbours (itemknn), need ndcg")
  String objective;

  @Option(names = "--json", description = "print only one JSON object with every trial")
  boolean json;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "write a Markdown report with plots, and best.properties, into this directory")
  Path report;

  @Option(
      names = "--best",
      paramLabel = "FILE",
      description = "where to write the best configuration (default: DIR/best.properties)")
  Path best;

  @Override
  public Integer call() throws Exception {
    if (folds != null && folds < 1) {
      throw new ParameterException(spec.commandLine(), "--folds must be at least 1, got " + folds);
    }
    if (validation != null && !(validation > 0 && validation < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--validation must be a share between 0 and 1, got " + validation);
    }
    TuneObjective chosenBy;
    try {
      chosenBy = objective == null ? TuneObjective.RMSE : TuneObjective.parse(objective);
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "--objective: " + e.getMessage());
    }
    Injector injector = injector(configOptions.request());
    BackendProvider backend = injector.getInstance(BackendProvider.class);
    TrainingConfig config = injector.getInstance(TrainingConfig.class);
    SearchSpace searchSpace = SearchSpace.read(space);
    TrialPlan plan =
        TrialPlan.of(
            searchSpace,
            trials == null ? OptionalInt.empty() : OptionalInt.of(trials),
            config.seed());
    ValidationParts parts = validationParts(injector, config.seed());
    Tuner tuner = new Tuner(backend::newTrainer, config, injector.getInstance(Evaluator.class));
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "tune: %s search, %d trials over %s; %s%n",
        plan.search().word(),
        plan.trials().size(),
        String.join(", ", searchSpace.dimensions().stream().map(d -> d.key().name()).toList()),
        parts.protocol());
    err.flush();
    List<TrialResult> results =
        tuner.run(
            plan, parts.folds(), new TrialProgress(injector.getProvider(ProgressListener.class)));
    TuneResult result =
        new TuneResult(
            searchSpace,
            plan,
            parts,
            results,
            Tuner.best(results, chosenBy)
                .map(t -> new TuneResult.Best(t, tuner.configOf(t.settings()))),
            chosenBy);
    Path bestFile = best != null ? best : report != null ? report.resolve("best.properties") : null;
    if (result.best().isPresent() && bestFile != null) {
      AtomicFiles.write(
          bestFile, result.bestProperties(bestFile.toString()).getBytes(StandardCharsets.UTF_8));
    }
    if (report != null) {
      var files = new ReportWriter().write(report, result.report());
      err.println("report written to " + files.get(0));
    }
    if (json) {
      injector
          .getInstance(JsonPrinter.class)
          .print(result.toJson(bestFile == null ? null : bestFile.toString()));
    } else {
      print(spec.commandLine().getOut(), result, bestFile);
    }
    if (result.best().isEmpty()) {
      err.println(
          spec.qualifiedName()
              + ": every trial failed; see the failures above, and narrow the space (e.g. lower"
              + " learning rates)");
      err.flush();
      return 1;
    }
    return 0;
  }

  /** The validation parts that --data, --folds and --validation ask for. */
  private ValidationParts validationParts(Injector injector, long seed) throws IOException {
    DatasetSource source = injector.getInstance(DatasetSource.class);
    Splitter splitter = injector.getInstance(Splitter.class);
    double fraction = validation == null ? DEFAULT_VALIDATION : validation;
    boolean sample = data == null || data.toString().equals(SAMPLE);
    List<Path> trainingFiles = sample ? List.of() : source.predefinedTrainingFiles(data);
    if (!trainingFiles.isEmpty()) {
      int count = folds == null ? 1 : folds;
      if (count > trainingFiles.size()) {
        throw new ParameterException(
            spec.commandLine(),
            "--folds "
                + count
                + ": "
                + data
                + " has "
                + trainingFiles.size()
                + " predefined training files");
      }
      List<ValidationParts.Source> sources = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Path file = trainingFiles.get(i);
        sources.add(new ValidationParts.Source(file.toString(), i + 1, source.read(file)));
      }
      return ValidationParts.holdOut(sources, fraction, seed, splitter);
    }
    ValidationParts.Source whole =
        new ValidationParts.Source(sample ? SAMPLE : data.toString(), 1, ratings(source, data));
    if (folds != null) {
      if (validation != null) {
        throw new ParameterException(
            spec.commandLine(),
            "--folds and --validation exclude each other on a single dataset: --folds K validates"
                + " on each of K folds in turn, --validation F on one random share");
      }
      if (folds < 2) {
        throw new ParameterException(
            spec.commandLine(), "--folds must be at least 2 on a single dataset, got " + folds);
      }
      return ValidationParts.kFold(whole, folds, seed, splitter);
    }
    return ValidationParts.holdOut(List.of(whole), fraction, seed, splitter);
  }

  private static void print(PrintWriter out, TuneResult result, Path bestFile) {
    result.table().forEach(out::println);
    result
        .best()
        .ifPresent(
            best -> {
              out.printf(
                  Locale.ROOT,
                  "best: trial %d, %s %.4f (%s)%n",
                  best.trial().number(),
                  result.objective().label(),
                  result.objective().score(best.trial()),
                  result.searchSummary());
              best.trial()
                  .settings()
                  .forEach((key, value) -> out.println("  " + key + " = " + value));
              if (bestFile == null) {
                out.println("not saved: give --best FILE or --report DIR to write it");
              } else {
                out.println("written to " + bestFile + "; reproduce its validation score with:");
                result.checkCommands(bestFile.toString()).forEach(c -> out.println("  " + c));
              }
            });
    out.flush();
  }

  /** Announces each trial and part on stderr; epoch lines only on a terminal. */
  private final class TrialProgress implements Tuner.Listener {
    private final Provider<ProgressListener> progress;

    TrialProgress(Provider<ProgressListener> progress) {
      this.progress = progress;
    }

    @Override
    public CrossValidation.Listener onTrialStart(int number, int total, Map<String, String> set) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "trial %d/%d: %s%n", number, total, set);
      err.flush();
      return new CrossValidation.Listener() {
        @Override
        public TrainingListener onFoldStart(Fold fold) {
          return console().interactive() ? progress.get() : TrainingListener.NONE;
        }

        @Override
        public void onFoldEnd(FoldResult result) {
          err.printf(
              Locale.ROOT,
              "trial %d part %d: validation RMSE %.4f, epoch %d of %d kept, %.1fs training%n",
              number,
              result.fold(),
              result.rmse(),
              result.training().bestEpoch(),
              result.training().epochsRun(),
              result.training().trainSeconds());
          err.flush();
        }
      };
    }

    @Override
    public void onTrialEnd(TrialResult result, int total) {
      PrintWriter err = spec.commandLine().getErr();
      if (result.succeeded()) {
        err.printf(
            Locale.ROOT,
            "trial %d/%d: validation RMSE %.4f, NDCG %.4f in %.0fs%n",
            result.number(),
            total,
            result.validationRmse(),
            result.validationNdcg(),
            result.seconds());
      } else {
        err.printf(
            Locale.ROOT,
            "trial %d/%d failed: %s%n",
            result.number(),
            total,
            result.failure().orElseThrow());
      }
      err.flush();
    }
  }
}
