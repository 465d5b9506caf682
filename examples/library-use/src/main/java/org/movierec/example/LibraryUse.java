package org.movierec.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.data.split.Split;
import org.movierec.data.split.Splits;
import org.movierec.model.Presets;

/** Trains, saves, loads, predicts, recommends and folds in a new user through the public API. */
public final class LibraryUse {

  /** Runs the whole flow in the directory given (a new temporary one by default), printing it. */
  public static void main(String[] args) throws Exception {
    Path work =
        args.length > 0
            ? Files.createDirectories(Path.of(args[0]))
            : Files.createTempDirectory("movierec-library-use");
    GeneratorSpec shape =
        GeneratorSpec.builder().setUsers(400).setMovies(600).setRatings(30_000).optSeed(7).build();
    Path data = DatasetGenerator.generate(shape, work.resolve("data"), Layout.ML_100K).directory();
    RatingDataset ratings = DatasetReader.read(data).dataset();
    Split split = Splits.randomHoldout(ratings, 0.1, 1);
    System.out.printf("generated %,d ratings in %s%n", ratings.size(), data);

    TrainingConfig config =
        TrainingConfig.builder().setAll(Presets.DEMO.settings()).set(Keys.EPOCHS, 8).build();
    BackendRegistry backends = BackendRegistry.discover();
    Path file = work.resolve("model.mrec");
    float before;
    try (Model trained = backends.get(config.backend()).newTrainer().train(split.train(), config)) {
      trained.save(file);
      before = trained.predict(split.test().rawUserId(0), split.test().rawMovieId(0));
    }
    System.out.printf(
        "trained %s, saved %s (%,d bytes)%n", config.backend(), file, Files.size(file));

    try (Model model = backends.load(file, RuntimeOptions.of(config))) {
      int user = split.test().rawUserId(0);
      int movie = split.test().rawMovieId(0);
      float after = model.predict(user, movie);
      System.out.printf(
          "loaded back: user %d would rate movie %d %.3f stars (%.3f before saving)%n",
          user, movie, after, before);
      double rmse = RatingEvaluator.evaluate(model, split.test()).rmse();
      double mean = RatingEvaluator.globalMean(split.train(), split.test()).rmse();
      System.out.printf("test RMSE %.4f (always the mean rating: %.4f)%n", rmse, mean);

      List<Recommendation> top = model.recommend(user, 5);
      System.out.println("top 5 for user " + user + ":" + titles(top, ratings));

      List<MovieRating> newcomer =
          List.of(new MovieRating(top.get(0).rawMovieId(), 5), new MovieRating(movie, 1));
      FoldedUser folded = model.foldIn(newcomer);
      List<Recommendation> forThem = folded.recommend(5);
      System.out.printf(
          "a new user who loved movie %d and disliked movie %d:%s%n",
          newcomer.get(0).rawMovieId(), movie, titles(forThem, ratings));

      // What a consumer may rely on; .ci/run fails when any of it stops being true.
      check(after == before, "the loaded model predicts what the trained one did");
      check(rmse < mean, "the model beats always predicting the mean rating");
      check(top.size() == 5, "a known user gets five movies");
      check(
          forThem.stream()
              .noneMatch(r -> newcomer.stream().anyMatch(n -> n.rawMovieId() == r.rawMovieId())),
          "a new user's list leaves out the movies they rated");
    }
  }

  private static void check(boolean holds, String promise) {
    if (!holds) {
      throw new IllegalStateException("not true: " + promise);
    }
  }

  private static String titles(List<Recommendation> list, RatingDataset ratings) {
    StringBuilder text = new StringBuilder();
    for (Recommendation entry : list) {
      String title =
          ratings.catalog().find(entry.rawMovieId()).map(MovieInfo::displayTitle).orElse("");
      text.append(String.format("%n  %.2f  %s", entry.predictedRating(), title));
    }
    return text.toString();
  }
}
