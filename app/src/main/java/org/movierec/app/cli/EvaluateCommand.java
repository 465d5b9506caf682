package org.movierec.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.evaluation.WhoRatedWhat;
import org.movierec.app.output.JsonPrinter;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.EvaluationReport;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.RankingReferences;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.eval.ReferenceMetrics;
import org.movierec.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec evaluate}: a saved model's rating and ranking metrics on test ratings. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a saved model on test ratings: RMSE and MAE over all test pairs, with pairs whose"
          + " user or movie the model never saw also measured apart, and precision, recall, NDCG,"
          + " MAP, hit rate and coverage of each test user's top-k list of unseen movies.",
      "The same lists of the references, from the model's own training ratings, are measured"
          + " alongside (--references): the most-rated movies, the best-rated ones with each"
          + " movie's mean shrunk toward the global mean as if it had 10 more ratings there, and"
          + " item-kNN and EASE fitted to who rated what in the model's training input.",
      "With cold_start=error, a test pair the model cannot answer is an error."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec evaluate --model seed.mrec --data ml-100k/u1.test",
      "  movierec evaluate --model seed.mrec --data ml-100k/u1.test --k 5 --relevance 4.5 --json"
    })
final class EvaluateCommand extends DataCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "the test ratings: a dataset directory or file, or 'sample'")
  Path data;

  @Option(
      names = "--k",
      paramLabel = "N",
      description = "length of each user's list for the ranking metrics (default 10)")
  Integer k;

  @Option(
      names = "--relevance",
      paramLabel = "R",
      description = "a test rating at or above R is relevant (default 4)")
  Double relevance;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Mixin ReferencesOption references = new ReferencesOption();

  @Override
  public Integer call() throws Exception {
    if (k != null && k < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--k must be at least 1, got " + k);
    }
    Injector injector = injector(configOptions.request());
    EvaluationOptions options = injector.getInstance(EvaluationOptions.class);
    options = k == null ? options : options.withK(k);
    options = relevance == null ? options : options.withRelevanceThreshold(relevance);
    var test = ratings(injector.getInstance(DatasetSource.class), data);
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model)) {
      EvaluationReport report = new Evaluator(options).evaluate(loaded, test);
      List<ReferenceMetrics> trained =
          references.choice.trained()
              ? injector.getInstance(RankingReferences.class).measure(WhoRatedWhat.of(loaded), test)
              : List.of();
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("backend", loaded.info().backend());
        result.put("model_file", model.toString());
        result.put("ranking_score", loaded.rankingScore().name());
        result.putAll(JSON.convertValue(report, Map.class));
        if (!references.choice.popularity()) {
          result.remove("popularity");
        }
        result.put("references", JSON.convertValue(trained, List.class));
        injector.getInstance(JsonPrinter.class).print(result);
      } else {
        print(spec.commandLine().getOut(), report, loaded, trained);
      }
    }
    return 0;
  }

  private void print(
      PrintWriter out, EvaluationReport report, Model loaded, List<ReferenceMetrics> trained) {
    RatingMetrics rating = report.rating();
    RankingMetrics ranking = report.ranking();
    out.printf(
        Locale.ROOT,
        "RMSE %.4f  MAE %.4f  over %,d test ratings (%,d cold-start pairs, RMSE %.4f)%n",
        rating.rmse(),
        rating.mae(),
        rating.count(),
        rating.coldPairs(),
        rating.coldRmse());
    out.printf(
        Locale.ROOT,
        "top-%d lists of %,d users, relevant from %.1f, ranked by %s%s:%n",
        ranking.k(),
        ranking.users(),
        ranking.relevanceThreshold(),
        loaded.rankingScore().description(),
        references.choice.popularity() ? ", next to the references'" : "");
    RankingTable.print(
        out,
        RankingTable.rows(
            RankingTable.model("model", ranking),
            references.choice,
            RankingTable.popularity(report.popularity()),
            trained.stream()
                .map(reference -> RankingTable.reference(List.of(reference)))
                .toList()));
    out.flush();
  }
}
