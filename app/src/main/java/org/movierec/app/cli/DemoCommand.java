package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.data.Splitter;
import org.movierec.app.data.TrainTest;
import org.movierec.app.training.TrainJob;
import org.movierec.app.training.TrainOutcome;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.EvaluationReport;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.RankingEvaluator;
import org.movierec.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code movierec demo}, also what {@code movierec} runs without arguments: the whole flow on the
 * embedded sample in well under a minute. It trains two models on one split, since a model trained
 * to predict stars ranks poorly (its top 10 is the best-rated movies, all at 5 stars, for
 * everybody) and a model trained to rank predicts stars only by the bias estimate: the star model
 * ({@code --preset}, by default {@code demo}) answers predictions and the stars of each list entry,
 * the list model ({@link DemoListRecipe}) orders the list, as {@code recommend --rating-model}
 * pairs them.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The default run (movierec without arguments): split the embedded sample, train a star"
          + " model with --preset demo and a list model with the rank preset cut to "
          + DemoListRecipe.EPOCHS
          + " epochs, save both files, load them back from disk, and print the star model's test"
          + " RMSE next to the bias baseline's and a few of its predictions, the NDCG@10 of both"
          + " models' lists next to the most-rated list's, and a top-10 list for one user ordered"
          + " by the list model with the star model's predicted ratings.",
      "The configuration options (as for train) shape the star model; the list model takes"
          + " only their seed, device, threads and cold_start, and --rank-set over them."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec",
      "  movierec demo --backend baseline",
      "  movierec demo --preset seed --model /tmp/seed.mrec --rank-model /tmp/rank.mrec",
      "  movierec demo --rank-set epochs=1"
    })
final class DemoCommand extends BaseCommand {

  private static final String DEFAULT_PRESET = "demo";
  private static final int PREDICTIONS = 5;
  private static final int MAX_RETRIES = 3;
  private static final int TOP = 10;

  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "where to save the star model (default: movierec-demo/demo.mrec in the temp dir)")
  Path model;

  @Option(
      names = "--rank-model",
      paramLabel = "FILE",
      description =
          "where to save the list model (default: movierec-demo/rank.mrec in the temp dir)")
  Path rankModel;

  @Option(
      names = "--rank-set",
      paramLabel = "KEY=VALUE",
      description =
          "set one key of the list model, over its recipe; repeatable, e.g. --rank-set epochs=1")
  List<String> rankSets = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    ConfigRequest request = configOptions.request();
    if (request.preset().isEmpty()) {
      request =
          new ConfigRequest(
              Optional.of(DEFAULT_PRESET), request.file(), request.sets(), request.flags());
    }
    Path starFile = model != null ? model : inDemoDir("demo.mrec");
    Path listFile = rankModel != null ? rankModel : inDemoDir("rank.mrec");
    if (starFile.toAbsolutePath().normalize().equals(listFile.toAbsolutePath().normalize())) {
      throw new ParameterException(
          spec.commandLine(),
          "--model and --rank-model are both "
              + starFile
              + "; the star model and the list model need a file each");
    }
    Injector injector = injector(request);
    TrainingConfig config = injector.getInstance(TrainingConfig.class);
    // resolved before any training, so that a bad --rank-set fails at once
    Injector listInjector = injector(DemoListRecipe.request(config, rankSets));
    DatasetSource source = injector.getInstance(DatasetSource.class);
    PrintWriter err = spec.commandLine().getErr();
    err.println("movierec default run on " + source.sampleDescription());
    err.flush();
    RatingDataset sample = source.sample();
    TrainTest split =
        injector.getInstance(Splitter.class).split(sample, Splitter.DEFAULT_SPEC, config.seed());
    PrintWriter out = spec.commandLine().getOut();
    TrainOutcome first = injector.getInstance(TrainJob.class).run(split, starFile);
    try (TrainOutcome stars = retryWhileStuck(first, request, split, starFile, config.seed())) {
      out.println();
      TrainCommand.printSummary(out, stars, split);
      printPredictions(out, stars.model(), split.test(), sample.catalog());
      out.flush();
      err.printf(
          "training the list model: preset %s for %d epochs%n",
          DemoListRecipe.PRESET, listInjector.getInstance(TrainingConfig.class).epochs());
      err.flush();
      try (TrainOutcome lists = listInjector.getInstance(TrainJob.class).run(split, listFile)) {
        printListModel(out, lists);
        printRankingTable(
            out, injector.getInstance(EvaluationOptions.class), stars, lists, split.test());
        printPair(
            injector.getInstance(ModelLoader.class),
            lists.modelFile(),
            stars.modelFile(),
            split.test().rawUserId(0),
            sample.catalog());
      }
    }
    out.flush();
    return 0;
  }

  /**
   * Loads both files back as the pair {@code recommend --rating-model} would, and prints the user's
   * top 10 from it with the command that shows it again.
   */
  private void printPair(
      ModelLoader loader, Path listFile, Path starFile, int user, MovieCatalog catalog)
      throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Model pair = loader.load(listFile, Optional.of(starFile))) {
      out.printf(
          "%ntop %d for user %d, loaded back from disk: order from %s, predicted ratings from"
              + " %s:%n",
          TOP, user, listFile.getFileName(), starFile.getFileName());
      RecommendCommand.printRanked(out, pair.recommend(user, TOP), catalog);
      out.printf(
          "%nnext: movierec recommend --model %s --rating-model %s --user %d --data sample%n",
          listFile, starFile, user);
    }
  }

  private static Path inDemoDir(String name) {
    return Path.of(System.getProperty("java.io.tmpdir"), "movierec-demo", name);
  }

  /**
   * Trains again with the next seeds while the network came out dead, so the demonstration shows a
   * working model; each retry is announced. The split stays the same.
   */
  private TrainOutcome retryWhileStuck(
      TrainOutcome outcome, ConfigRequest request, TrainTest split, Path file, long seed)
      throws java.io.IOException {
    TrainOutcome current = outcome;
    for (int retry = 1; current.stuck() && retry <= MAX_RETRIES; retry++) {
      current.close();
      String next = Long.toString(seed + retry);
      spec.commandLine()
          .getErr()
          .printf(
              "seed %d left the network's output dead at initialization; training again with"
                  + " seed %s%n",
              seed + retry - 1, next);
      List<ConfigRequest.Flag> flags = new ArrayList<>(request.flags());
      flags.add(new ConfigRequest.Flag("demo retry", Keys.SEED, next));
      ConfigRequest retryRequest =
          new ConfigRequest(request.preset(), request.file(), request.sets(), flags);
      current = injector(retryRequest).getInstance(TrainJob.class).run(split, file);
    }
    return current;
  }

  private static void printPredictions(
      PrintWriter out, Model model, RatingDataset test, MovieCatalog catalog) {
    out.printf("%npredictions for test ratings the model never saw:%n");
    int shown = Math.min(PREDICTIONS, test.size());
    for (int i = 0; i < shown; i++) {
      int row = (int) ((long) test.size() * i / shown);
      int user = test.rawUserId(row);
      int movie = test.rawMovieId(row);
      out.printf(
          Locale.ROOT,
          "  user %-4d movie %-5d %-40s rated %.1f, predicted %.2f%n",
          user,
          movie,
          catalog.find(movie).map(MovieInfo::displayTitle).orElse(""),
          test.rating(row),
          model.predict(user, movie));
    }
  }

  /** Where the list model went and why its stars are not shown: they are the bias estimate. */
  private static void printListModel(PrintWriter out, TrainOutcome lists) {
    var info = lists.model().info();
    out.printf(
        Locale.ROOT,
        "%nlist model saved to %s (backend %s, ranked by %s)%n",
        lists.modelFile(),
        info.backend(),
        lists.model().rankingScore().description());
    out.printf(
        Locale.ROOT,
        "trained %d epochs in %.1f s; test RMSE %.4f (bias baseline %.4f): it ranks, the star"
            + " model predicts%n",
        info.summary().epochsRun(),
        info.summary().trainSeconds(),
        lists.scores().rmse(),
        lists.baselineRmse());
  }

  /**
   * Measures both models' lists on the test ratings as {@code evaluate} does, with the most-rated
   * movies' lists of the same training ratings beside them.
   */
  private static void printRankingTable(
      PrintWriter out,
      EvaluationOptions options,
      TrainOutcome stars,
      TrainOutcome lists,
      RatingDataset test) {
    EvaluationReport report = new Evaluator(options).evaluate(stars.model(), test);
    var listRanking = new RankingEvaluator(options).evaluate(lists.model(), test);
    out.printf(
        Locale.ROOT,
        "%ntop-%d lists of %,d test users, relevant from %.1f:%n",
        options.k(),
        report.ranking().users(),
        options.relevanceThreshold());
    RankingTable.print(
        out,
        List.of(
            RankingTable.model("star model", report.ranking()),
            RankingTable.model("list model", listRanking),
            RankingTable.model("most rated", report.popularity().mostRated())));
  }
}
