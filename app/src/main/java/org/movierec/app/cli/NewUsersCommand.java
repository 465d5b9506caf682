package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.output.JsonPrinter;
import org.movierec.app.output.ProgressListener;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.NewUserEvaluation;
import org.movierec.core.eval.RankingMeans;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.RankingReferences;
import org.movierec.core.eval.ReferenceMetrics;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec newusers}: the lists of users the model never trained on, from a few ratings. */
@Command(
    name = "newusers",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the lists of new users: hold --users F of the users (default 0.1, drawn with the"
          + " seed key) out of training entirely, train the configured backend on the other"
          + " users' ratings, fold each held-out user in from --fold-in N of their ratings"
          + " (default 10, drawn with the seed) and measure their top-k list, which leaves out"
          + " those N movies, against their other ratings (relevant from 4 stars), next to the"
          + " most-rated list and the references (item-kNN, EASE) trained on the same ratings"
          + " and folded in from the same ratings."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec newusers --data ml-100k/u.data --preset rank",
      "  movierec newusers --data ml-100k/u.data --preset tuned --fold-in 5 --json"
    })
final class NewUsersCommand extends DataCommand {

  @Mixin ConfigOptions configOptions;

  @Mixin ReferencesOption references = new ReferencesOption();

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "the ratings: a dataset file or directory, or 'sample' (the default)")
  Path data;

  @Option(
      names = "--users",
      paramLabel = "F",
      description = "share of the users held out of training (default 0.1)")
  double users = 0.1;

  @Option(
      names = "--fold-in",
      paramLabel = "N",
      description = "ratings each held-out user is folded in from (default 10)")
  int foldIn = 10;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!(users > 0 && users < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--users must be a share between 0 and 1, got " + users);
    }
    if (foldIn < 1) {
      throw new ParameterException(
          spec.commandLine(), "--fold-in must be at least 1, got " + foldIn);
    }
    Injector injector = injector(configOptions.request());
    BackendProvider backend = injector.getInstance(BackendProvider.class);
    TrainingConfig config = injector.getInstance(TrainingConfig.class);
    EvaluationOptions options = injector.getInstance(EvaluationOptions.class);
    ColumnarRatings all =
        RatingDatasets.compact(ratings(injector.getInstance(DatasetSource.class), data));
    NewUserEvaluation.Split split = NewUserEvaluation.split(all, users, foldIn, config.seed());
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "newusers: %d users held out (%d with too few ratings left out), %d training ratings%n",
        split.users().size() + split.skipped(),
        split.skipped(),
        split.train().size());
    err.flush();
    List<RankingTable.Row> rows = new ArrayList<>();
    Map<String, Object> jsonRows = new LinkedHashMap<>();
    try (Model model =
        backend
            .newTrainer()
            .train(split.train(), java.util.Optional.empty(), config, progress(injector))) {
      RankingMetrics metrics = NewUserEvaluation.evaluate(model, split.users(), options);
      rows.add(RankingTable.model("backend " + backend.name(), metrics));
      jsonRows.put("model", metrics);
    }
    if (references.choice.popularity()) {
      RankingMetrics popular = NewUserEvaluation.mostRated(split.train(), split.users(), options);
      rows.add(new RankingTable.Row("most rated", RankingMeans.of(List.of(popular)), null));
      jsonRows.put("most_rated", popular);
    }
    if (references.choice.trained()) {
      List<ReferenceMetrics> measured =
          injector
              .getInstance(RankingReferences.class)
              .measure(
                  split.train(),
                  model -> NewUserEvaluation.evaluate(model, split.users(), options));
      for (ReferenceMetrics reference : measured) {
        rows.add(RankingTable.reference(List.of(reference)));
        if (reference.measured()) {
          jsonRows.put(reference.backend(), reference.metrics());
        }
      }
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("held_out_users", split.users().size());
      out.put("skipped_users", split.skipped());
      out.put("fold_in_ratings", foldIn);
      out.put("training_ratings", split.train().size());
      out.put("results", jsonRows);
      injector.getInstance(JsonPrinter.class).print(out);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "top-%d lists of %d new users, each folded in from %d ratings, relevant from %.1f:%n",
          options.k(),
          split.users().size(),
          foldIn,
          options.relevanceThreshold());
      RankingTable.print(out, rows);
      out.flush();
    }
    return 0;
  }

  private static org.movierec.core.training.TrainingListener progress(Injector injector) {
    return injector.getInstance(ProgressListener.class);
  }
}
