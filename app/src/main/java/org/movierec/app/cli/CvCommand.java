package org.movierec.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import com.google.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.data.Splitter;
import org.movierec.app.evaluation.BaselineReference;
import org.movierec.app.output.JsonPrinter;
import org.movierec.app.output.ProgressListener;
import org.movierec.app.report.MetricsRow;
import org.movierec.app.report.ReportContent;
import org.movierec.app.report.ReportWriter;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.CrossValidation;
import org.movierec.core.eval.CrossValidationReport;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.Fold;
import org.movierec.core.eval.FoldResult;
import org.movierec.core.eval.RankingMeans;
import org.movierec.core.eval.RankingReferences;
import org.movierec.core.eval.ReferenceMetrics;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.training.TrainingListener;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec cv}: cross-validation of the configured backend, fold by fold. */
@Command(
    name = "cv",
    mixinStandardHelpOptions = true,
    description = {
      "Cross-validate the configured backend: train a fresh model per fold on that fold's"
          + " training ratings only, measure it on the fold's test ratings, and print each fold"
          + " and the mean and standard deviation, next to the bias baseline on the same folds;"
          + " the ranking means stand next to the popularity baseline's (most-rated and"
          + " best-rated movies of each fold's training ratings).",
      "The references (--references, default all) are trained on each fold's training ratings"
          + " too: item-kNN and EASE, with their keys (neighbours, lambda) from the same"
          + " configuration.",
      "Folds are dealt at random (--folds K, the default 5, seeded by the seed key) or read from"
          + " the dataset's own files (--predefined: ml-100k's u1..u5)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec cv --data ml-100k --predefined --preset seed --json",
      "  movierec cv --data ml-100k --predefined --config examples/baseline.properties",
      "  movierec cv --data ratings.tsv --folds 10 --backend baseline --report cv-report/"
    })
final class CvCommand extends DataCommand {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_FOLDS = 5;

  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "the ratings: a dataset directory or file, or 'sample' (the default)")
  Path data;

  @ArgGroup(exclusive = true)
  FoldChoice foldChoice;

  @Option(names = "--k", paramLabel = "N", description = "ranking list length (default 10)")
  Integer k;

  @Option(names = "--json", description = "print only one JSON object with every fold")
  boolean json;

  @Mixin ReferencesOption references = new ReferencesOption();

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "also write a Markdown report with the per-fold RMSE plot")
  Path report;

  /** Where the folds come from. */
  static final class FoldChoice {
    @Option(names = "--folds", paramLabel = "K", description = "deal K random folds")
    Integer folds;

    @Option(names = "--predefined", description = "use the dataset's predefined folds")
    boolean predefined;
  }

  @Override
  public Integer call() throws Exception {
    int count = foldChoice != null && foldChoice.folds != null ? foldChoice.folds : DEFAULT_FOLDS;
    if (count < 2) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--folds must be at least 2, got " + count);
    }
    if (k != null && k < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--k must be at least 1, got " + k);
    }
    boolean predefined = foldChoice != null && foldChoice.predefined;
    if (predefined && (data == null || data.toString().equals(SAMPLE))) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--predefined needs --data with a dataset directory");
    }
    Injector injector = injector(configOptions.request());
    BackendProvider backend = injector.getInstance(BackendProvider.class);
    TrainingConfig config = injector.getInstance(TrainingConfig.class);
    DatasetSource source = injector.getInstance(DatasetSource.class);
    List<Fold> folds =
        predefined
            ? source.predefinedFolds(data)
            : injector
                .getInstance(Splitter.class)
                .kFold(ratings(source, data), count, config.seed());
    EvaluationOptions options = injector.getInstance(EvaluationOptions.class);
    Evaluator evaluator = new Evaluator(k == null ? options : options.withK(k));
    CrossValidationReport result =
        new CrossValidation(backend::newTrainer, config, evaluator)
            .run(
                folds,
                new FoldProgress(folds.size(), injector.getProvider(ProgressListener.class)));
    List<List<ReferenceMetrics>> byReference = measureReferences(injector, folds);
    BaselineReference baseline = injector.getInstance(BaselineReference.class);
    double[] baselineRmse =
        folds.stream().mapToDouble(fold -> baseline.testRmse(fold.train(), fold.test())).toArray();
    if (report != null) {
      writeReport(result, baselineRmse);
    }
    if (json) {
      injector.getInstance(JsonPrinter.class).print(toJson(result, baselineRmse, byReference));
    } else {
      print(spec.commandLine().getOut(), result, baselineRmse, byReference);
    }
    return 0;
  }

  /** Each reference's metrics on every fold, reference by reference; empty unless asked for. */
  private List<List<ReferenceMetrics>> measureReferences(Injector injector, List<Fold> folds) {
    if (!references.choice.trained()) {
      return List.of();
    }
    RankingReferences rankers = injector.getInstance(RankingReferences.class);
    List<List<ReferenceMetrics>> byReference = new ArrayList<>();
    for (int i = 0; i < rankers.backends().size(); i++) {
      byReference.add(new ArrayList<>());
    }
    for (Fold fold : folds) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "fold %d: references %s%n",
              fold.number(),
              String.join(", ", rankers.backends()));
      List<ReferenceMetrics> measured = rankers.measure(fold.train(), fold.test());
      for (int i = 0; i < measured.size(); i++) {
        byReference.get(i).add(measured.get(i));
      }
    }
    return byReference;
  }

  private Map<String, Object> toJson(
      CrossValidationReport result,
      double[] baselineRmse,
      List<List<ReferenceMetrics>> byReference) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("backend", result.backend());
    json.put("preset", configOptions.preset);
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = JSON.convertValue(result, Map.class);
    json.putAll(fields);
    json.put("baseline_fold_rmse", Arrays.stream(baselineRmse).boxed().toList());
    json.put("baseline_mean_rmse", Arrays.stream(baselineRmse).average().orElse(Double.NaN));
    List<Map<String, Object>> referenceJson = new ArrayList<>();
    for (List<ReferenceMetrics> folds : byReference) {
      Map<String, Object> entry = new LinkedHashMap<>();
      RankingTable.Row row = RankingTable.reference(folds);
      entry.put("backend", row.label());
      entry.put("description", folds.get(0).description());
      if (row.means() != null) {
        entry.put("mean", JSON.convertValue(row.means(), Map.class));
      } else {
        entry.put("unavailable", row.note());
      }
      entry.put("folds", JSON.convertValue(folds, List.class));
      referenceJson.add(entry);
    }
    json.put("references", referenceJson);
    return json;
  }

  private void print(
      PrintWriter out,
      CrossValidationReport result,
      double[] baseline,
      List<List<ReferenceMetrics>> byReference) {
    out.printf(
        "%-6s %9s %9s %8s %8s %14s%n", "fold", "train", "test", "RMSE", "MAE", "baseline RMSE");
    List<FoldResult> folds = result.folds();
    for (int i = 0; i < folds.size(); i++) {
      FoldResult fold = folds.get(i);
      out.printf(
          Locale.ROOT,
          "%-6d %,9d %,9d %8.4f %8.4f %14.4f%n",
          fold.fold(),
          fold.trainRatings(),
          fold.testRatings(),
          fold.rmse(),
          fold.mae(),
          baseline[i]);
    }
    out.printf(
        Locale.ROOT,
        "backend %s: mean RMSE %.4f ± %.4f, MAE %.4f ± %.4f; bias baseline mean RMSE %.4f%n",
        result.backend(),
        result.meanRmse(),
        result.stdRmse(),
        result.meanMae(),
        result.stdMae(),
        Arrays.stream(baseline).average().orElse(Double.NaN));
    out.printf(
        Locale.ROOT,
        "ranking means at k=%d%s:%n",
        result.evaluation().k(),
        references.choice.popularity() ? ", next to the references' on the same folds" : "");
    RankingTable.print(
        out,
        RankingTable.rows(
            new RankingTable.Row(
                "backend " + result.backend(),
                RankingMeans.of(folds.stream().map(fold -> fold.metrics().ranking()).toList()),
                null),
            references.choice,
            RankingTable.popularity(
                result.meanMostRated(),
                result.meanBestRated(),
                folds.get(0).metrics().popularity().priorRatings()),
            byReference.stream().map(RankingTable::reference).toList()));
    out.flush();
  }

  private void writeReport(CrossValidationReport result, double[] baselineRmse)
      throws java.io.IOException {
    String label =
        result.backend() + (configOptions.preset == null ? "" : " (" + configOptions.preset + ")");
    Map<String, Double> means = new LinkedHashMap<>();
    means.put("rmse", result.meanRmse());
    means.put("rmse_std", result.stdRmse());
    means.put("mae", result.meanMae());
    means.put("ndcg", result.meanNdcg());
    ReportContent content =
        ReportContent.builder("movierec cv")
            .optConfiguration(result.config())
            .optData("folds", result.folds().size())
            .optMetrics(new MetricsRow(label, means))
            .optMetrics(
                new MetricsRow(
                    "bias baseline",
                    Map.of("rmse", Arrays.stream(baselineRmse).average().orElse(Double.NaN))))
            .optMetrics(new MetricsRow("most rated", Map.of("ndcg", result.meanMostRated().ndcg())))
            .optFoldRmse(label, result.folds().stream().mapToDouble(FoldResult::rmse).toArray())
            .optFoldRmse("bias baseline", baselineRmse)
            .build();
    var files = new ReportWriter().write(report, content);
    spec.commandLine().getErr().println("report written to " + files.get(0));
  }

  /** Announces each fold on stderr and shows its training progress. */
  private final class FoldProgress implements CrossValidation.Listener {
    private final int total;
    private final Provider<ProgressListener> progress;

    FoldProgress(int total, Provider<ProgressListener> progress) {
      this.total = total;
      this.progress = progress;
    }

    @Override
    public TrainingListener onFoldStart(Fold fold) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "fold %d/%d: %,d training and %,d test ratings%n",
              fold.number(),
              total,
              fold.train().size(),
              fold.test().size());
      return progress.get();
    }

    @Override
    public void onFoldEnd(FoldResult result) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "fold %d: RMSE %.4f  MAE %.4f%n",
              result.fold(),
              result.rmse(),
              result.mae());
    }
  }
}
