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
import org.movierec.core.model.Recommendation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec recommend}: the top movies a user has not rated, with titles when known. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = "List the movies a user has not rated with the highest predicted ratings.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec recommend --model seed.mrec --user 196",
      "  movierec recommend --model seed.mrec --user 196 --top 5 --data ml-100k",
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

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--top must be at least 1, got " + top);
    }
    Injector injector = injector(configOptions.request());
    MovieCatalog catalog =
        data == null
            ? MovieCatalog.empty()
            : ratings(injector.getInstance(DatasetSource.class), data).catalog();
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model)) {
      List<Recommendation> ranked = loaded.recommend(user, top);
      if (json) {
        injector.getInstance(JsonPrinter.class).print(toJson(loaded, ranked, catalog));
      } else {
        print(loaded, ranked, catalog);
      }
    }
    return 0;
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
      item.put("score", recommendation.score());
      item.put("predicted_rating", recommendation.predictedRating());
      items.add(item);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("user", user);
    result.put("known_user", loaded.knowsUser(user));
    result.put("backend", loaded.info().backend());
    result.put("recommendations", items);
    return result;
  }

  private void print(Model loaded, List<Recommendation> ranked, MovieCatalog catalog) {
    var out = spec.commandLine().getOut();
    out.printf(
        "top %d for user %d%s:%n",
        ranked.size(),
        user,
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
