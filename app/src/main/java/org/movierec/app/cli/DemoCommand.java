package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.movierec.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code movierec demo}, also what {@code movierec} runs without arguments: the whole flow on the
 * embedded sample in well under a minute.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The default run (movierec without arguments): split the embedded sample, train with"
          + " --preset demo, save the model file, load it back from disk, and print the test"
          + " RMSE next to the bias baseline's, a few predictions and a top-10 list for one user.",
      "Takes the same configuration options as train."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec",
      "  movierec demo --backend baseline",
      "  movierec demo --preset seed --model /tmp/seed.mrec"
    })
final class DemoCommand extends BaseCommand {

  private static final String DEFAULT_PRESET = "demo";
  private static final int PREDICTIONS = 5;
  private static final int MAX_RETRIES = 3;

  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "where to save the model (default: movierec-demo/demo.mrec in the temp dir)")
  Path model;

  @Override
  public Integer call() throws Exception {
    ConfigRequest request = configOptions.request();
    if (request.preset().isEmpty()) {
      request =
          new ConfigRequest(
              java.util.Optional.of(DEFAULT_PRESET),
              request.file(),
              request.sets(),
              request.flags());
    }
    Path file =
        model != null
            ? model
            : Path.of(System.getProperty("java.io.tmpdir"), "movierec-demo", "demo.mrec");
    Injector injector = injector(request);
    DatasetSource source = injector.getInstance(DatasetSource.class);
    PrintWriter err = spec.commandLine().getErr();
    err.println("movierec default run on " + source.sampleDescription());
    err.flush();
    RatingDataset sample = source.sample();
    long seed = injector.getInstance(TrainingConfig.class).seed();
    TrainTest split =
        injector.getInstance(Splitter.class).split(sample, Splitter.DEFAULT_SPEC, seed);
    PrintWriter out = spec.commandLine().getOut();
    TrainOutcome first = injector.getInstance(TrainJob.class).run(split, file);
    try (TrainOutcome outcome = retryWhileStuck(first, request, split, file, seed)) {
      out.println();
      TrainCommand.printSummary(out, outcome, split);
      printPredictions(out, outcome.model(), split.test(), sample.catalog());
      int user = split.test().rawUserId(0);
      out.printf("%ntop 10 for user %d, from the model loaded back from disk:%n", user);
      RecommendCommand.printRanked(out, outcome.model().recommend(user, 10), sample.catalog());
      out.printf(
          "%nnext: movierec recommend --model %s --user %d --data sample%n",
          outcome.modelFile(), user);
    }
    out.flush();
    return 0;
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
}
