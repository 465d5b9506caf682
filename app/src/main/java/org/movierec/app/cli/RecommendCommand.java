package org.movierec.app.cli;

import com.google.inject.Injector;
import com.google.inject.Key;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.batch.AllUsersExport;
import org.movierec.app.data.UserRatingsFile;
import org.movierec.app.evaluation.ComputeThreads;
import org.movierec.app.output.JsonPrinter;
import org.movierec.app.output.TaskProgress;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieFilter;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec recommend}: the top movies a user has not rated, with titles when known. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = {
      "List the movies a user has not rated in training, best first by the model's raw score;"
          + " each line shows the predicted rating (the score clipped to the rating scale) and the"
          + " score itself.",
      "--exclude, --genre and --min-ratings narrow the list; a --top beyond the model's"
          + " catalog lists every movie that qualifies, with a note on stderr.",
      "--ratings FILE lists for a user the model never saw, fitted to their ratings without"
          + " retraining; --all-users --out FILE writes every known user's list to one CSV file,"
          + " scoring on every core."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec recommend --model seed.mrec --user 196",
      "  movierec recommend --model seed.mrec --user 196 --top 5 --data ml-100k",
      "  movierec recommend --model seed.mrec --user 196 --data ml-100k --genre Comedy"
          + " --min-ratings 50 --exclude 50,181",
      "  movierec recommend --model demo.mrec --user 1 --data sample --json",
      "  movierec recommend --model seed.mrec --ratings my-ratings.csv --data ml-100k",
      "  movierec recommend --model seed.mrec --all-users --top 20 --out lists.csv",
      "  movierec recommend --model rank.mrec --rating-model tuned.mrec --user 196"
    })
final class RecommendCommand extends DataCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Mixin RatingModelOption ratingModel;

  @Option(
      names = "--user",
      paramLabel = "RAW_ID",
      description = "a user the model was trained on (or, under cold_start=fallback, any id)")
  Integer user;

  @Option(
      names = "--ratings",
      paramLabel = "FILE",
      description =
          "a new user's ratings, one movie,rating pair per line: the model fits the user in"
              + " milliseconds without retraining (fold-in) and never lists these movies")
  Path ratingsFile;

  @Option(
      names = "--all-users",
      description = "every known user's list, written to --out as CSV with a progress bar")
  boolean allUsers;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "with --all-users: the CSV file to write (user,rank,movie,score,predicted_rating),"
              + " replaced atomically when complete")
  Path out;

  @Mixin ListSizeOptions list;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "a dataset whose movie list gives titles, or 'sample'")
  Path data;

  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "ID",
      description = "movie ids never to list, e.g. --exclude 50,181")
  List<Integer> exclude = List.of();

  @Option(
      names = "--genre",
      paramLabel = "NAME",
      description = "list only movies of this genre (needs --data for the movie list)")
  String genre;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    list.check(spec.commandLine());
    if (genre != null && data == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--genre needs --data with the dataset's movie list (e.g. --data ml-100k), since a"
              + " model file holds no genres");
    }
    checkWhoIsAsked();
    Injector injector = injector(configOptions.request());
    MovieCatalog catalog = catalog(injector, data);
    RecommendRequest request = request(catalog);
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model, ratingModel.file())) {
      if (list.top > loaded.movies().size()) {
        spec.commandLine()
            .getErr()
            .printf(
                Locale.ROOT,
                "note: --top %d is more than the %,d movies the model knows; listing every one"
                    + " that qualifies%n",
                list.top,
                loaded.movies().size());
      }
      if (allUsers) {
        new AllUsersExport(
                loaded, request, injector.getInstance(Key.get(Integer.class, ComputeThreads.class)))
            .write(out, injector.getInstance(TaskProgress.class));
        return 0;
      }
      if (ratingsFile != null) {
        recommendForNewUser(injector, loaded, request, catalog);
        return 0;
      }
      List<Recommendation> ranked = loaded.recommend(user, request);
      if (json) {
        injector.getInstance(JsonPrinter.class).print(toJson(loaded, ranked, catalog));
      } else {
        print(loaded, ranked, catalog);
      }
    }
    return 0;
  }

  /** The request the options describe; an unknown genre is a usage error naming the known ones. */
  private RecommendRequest request(MovieCatalog catalog) {
    RecommendRequest.Builder request =
        RecommendRequest.builder()
            .setCount(list.top)
            .optExclude(exclude)
            .optMinRatings(list.minRatings);
    if (genre != null) {
      try {
        request.optFilter(MovieFilter.genre(catalog, genre));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--genre: " + e.getMessage());
      }
    }
    return request.build();
  }

  /** Exactly one of --user, --ratings and --all-users, and --out with --all-users only. */
  private void checkWhoIsAsked() {
    int asked = (user != null ? 1 : 0) + (ratingsFile != null ? 1 : 0) + (allUsers ? 1 : 0);
    if (asked != 1) {
      throw new ParameterException(
          spec.commandLine(),
          "give exactly one of --user RAW_ID, --ratings FILE (a new user) or --all-users");
    }
    if (allUsers && out == null) {
      throw new ParameterException(spec.commandLine(), "--all-users needs --out FILE");
    }
    if (!allUsers && out != null) {
      throw new ParameterException(spec.commandLine(), "--out goes with --all-users only");
    }
    if (allUsers && json) {
      throw new ParameterException(
          spec.commandLine(), "--all-users writes CSV to --out; drop --json");
    }
  }

  /** Fits the user of {@code --ratings} to the model and lists their recommendations. */
  private void recommendForNewUser(
      Injector injector, Model loaded, RecommendRequest request, MovieCatalog catalog)
      throws IOException {
    List<MovieRating> given = UserRatingsFile.read(ratingsFile, loaded.scale());
    FoldedUser newUser = loaded.foldIn(given);
    List<Recommendation> ranked = newUser.recommend(request);
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ratings_file", ratingsFile.toString());
      result.put("ratings", given.size());
      result.put("ratings_of_known_movies", newUser.fittedRatings());
      result.put("backend", loaded.info().backend());
      result.put("ranking_score", loaded.rankingScore().name());
      ratingModel.file().ifPresent(file -> result.put("rating_model", file.toString()));
      result.put("request", conditions());
      result.put("recommendations", items(loaded, ranked, catalog));
      injector.getInstance(JsonPrinter.class).print(result);
      return;
    }
    var printer = spec.commandLine().getOut();
    printer.printf(
        Locale.ROOT,
        "top %d for the new user of %s (%d ratings, %d of movies the model knows)%s:%n",
        ranked.size(),
        ratingsFile,
        given.size(),
        newUser.fittedRatings(),
        conditionsText());
    printRanked(printer, ranked, catalog);
  }

  private Map<String, Object> toJson(
      Model loaded, List<Recommendation> ranked, MovieCatalog catalog) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("user", user);
    result.put("known_user", loaded.knowsUser(user));
    result.put("backend", loaded.info().backend());
    result.put("ranking_score", loaded.rankingScore().name());
    ratingModel.file().ifPresent(file -> result.put("rating_model", file.toString()));
    result.put("request", conditions());
    result.put("recommendations", items(loaded, ranked, catalog));
    return result;
  }

  /** The request's options, for JSON output. */
  private Map<String, Object> conditions() {
    Map<String, Object> conditions = new LinkedHashMap<>();
    conditions.put("top", list.top);
    conditions.put("exclude", exclude);
    conditions.put("genre", genre);
    conditions.put("min_ratings", list.minRatings);
    return conditions;
  }

  private static List<Map<String, Object>> items(
      Model loaded, List<Recommendation> ranked, MovieCatalog catalog) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Recommendation recommendation : ranked) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("movie", recommendation.rawMovieId());
      item.put(
          "title",
          catalog.find(recommendation.rawMovieId()).map(MovieInfo::displayTitle).orElse(null));
      item.put(
          "genres", catalog.find(recommendation.rawMovieId()).map(MovieInfo::genres).orElse(null));
      item.put("score", recommendation.score());
      item.put("predicted_rating", recommendation.predictedRating());
      item.put("training_ratings", loaded.popularity().count(recommendation.rawMovieId()));
      items.add(item);
    }
    return items;
  }

  private void print(Model loaded, List<Recommendation> ranked, MovieCatalog catalog) {
    var printer = spec.commandLine().getOut();
    printer.printf(
        "top %d for user %d%s%s:%n",
        ranked.size(),
        user,
        conditionsText(),
        loaded.knowsUser(user) ? "" : " (unknown to the model: most liked overall)");
    printRanked(printer, ranked, catalog);
  }

  /** The request's narrowing options as a phrase for the list's heading, e.g. ", genre Comedy". */
  private String conditionsText() {
    StringBuilder conditions = new StringBuilder();
    if (genre != null) {
      conditions.append(", genre ").append(genre.strip());
    }
    if (list.minRatings > 0) {
      conditions.append(", at least ").append(list.minRatings).append(" ratings");
    }
    if (!exclude.isEmpty()) {
      conditions.append(", ").append(exclude.size()).append(" excluded");
    }
    return conditions.toString();
  }

  /**
   * Prints a numbered list of recommendations with titles when the catalog has them: the predicted
   * rating on the scale, then the raw score the list is ranked by.
   */
  static void printRanked(
      java.io.PrintWriter out, List<Recommendation> ranked, MovieCatalog catalog) {
    int rank = 1;
    for (Recommendation recommendation : ranked) {
      out.printf(
          Locale.ROOT,
          "%3d. %.2f  score %6.3f  movie %-6d %s%n",
          rank++,
          recommendation.predictedRating(),
          recommendation.score(),
          recommendation.rawMovieId(),
          catalog.find(recommendation.rawMovieId()).map(MovieInfo::displayTitle).orElse(""));
    }
    out.flush();
  }
}
