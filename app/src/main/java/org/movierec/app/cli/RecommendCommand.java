package org.movierec.app.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.output.JsonPrinter;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieFilter;
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
          + " catalog lists every movie that qualifies, with a note on stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec recommend --model seed.mrec --user 196",
      "  movierec recommend --model seed.mrec --user 196 --top 5 --data ml-100k",
      "  movierec recommend --model seed.mrec --user 196 --data ml-100k --genre Comedy"
          + " --min-ratings 50 --exclude 50,181",
      "  movierec recommend --model demo.mrec --user 1 --data sample --json"
    })
final class RecommendCommand extends DataCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Option(names = "--user", required = true, paramLabel = "RAW_ID", description = "the user id")
  int user;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "how many movies (default ${DEFAULT-VALUE})")
  int top;

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

  @Option(
      names = "--min-ratings",
      paramLabel = "K",
      description = "list only movies with at least K training ratings (default 0)")
  int minRatings;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
    }
    if (minRatings < 0) {
      throw new ParameterException(
          spec.commandLine(), "--min-ratings must be at least 0, got " + minRatings);
    }
    if (genre != null && data == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--genre needs --data with the dataset's movie list (e.g. --data ml-100k), since a"
              + " model file holds no genres");
    }
    Injector injector = injector(configOptions.request());
    MovieCatalog catalog =
        data == null
            ? MovieCatalog.empty()
            : ratings(injector.getInstance(DatasetSource.class), data).catalog();
    RecommendRequest request = request(catalog);
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model)) {
      if (top > loaded.movies().size()) {
        spec.commandLine()
            .getErr()
            .printf(
                Locale.ROOT,
                "note: --top %d is more than the %,d movies the model knows; listing every one"
                    + " that qualifies%n",
                top,
                loaded.movies().size());
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
        RecommendRequest.builder().setCount(top).optExclude(exclude).optMinRatings(minRatings);
    if (genre != null) {
      try {
        request.optFilter(MovieFilter.genre(catalog, genre));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--genre: " + e.getMessage());
      }
    }
    return request.build();
  }

  private Map<String, Object> toJson(
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
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("user", user);
    result.put("known_user", loaded.knowsUser(user));
    result.put("backend", loaded.info().backend());
    Map<String, Object> conditions = new LinkedHashMap<>();
    conditions.put("top", top);
    conditions.put("exclude", exclude);
    conditions.put("genre", genre);
    conditions.put("min_ratings", minRatings);
    result.put("request", conditions);
    result.put("recommendations", items);
    return result;
  }

  private void print(Model loaded, List<Recommendation> ranked, MovieCatalog catalog) {
    var out = spec.commandLine().getOut();
    StringBuilder conditions = new StringBuilder();
    if (genre != null) {
      conditions.append(", genre ").append(genre.strip());
    }
    if (minRatings > 0) {
      conditions.append(", at least ").append(minRatings).append(" ratings");
    }
    if (!exclude.isEmpty()) {
      conditions.append(", ").append(exclude.size()).append(" excluded");
    }
    out.printf(
        "top %d for user %d%s%s:%n",
        ranked.size(),
        user,
        conditions,
        loaded.knowsUser(user) ? "" : " (unknown to the model: most liked overall)");
    printRanked(out, ranked, catalog);
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
