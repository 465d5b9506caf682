package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.output.JsonPrinter;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.model.Model;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.SimilarMovie;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec similar}: the movies most like one movie ("because you watched"). */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
      "List the movies most like one movie, best first: \"because you watched\". A network"
          + " (backend djl) compares its learned movie embeddings by cosine; item-kNN its"
          + " neighbour similarities; EASE its item-item weights.",
      "A baseline model learns nothing about movies together and says it cannot."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec similar --model tuned.mrec --movie 50 --data ml-100k",
      "  movierec similar --model tuned.mrec --movie 50 --top 5 --min-ratings 50 --json"
    })
final class SimilarCommand extends DataCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Option(names = "--movie", required = true, paramLabel = "RAW_ID", description = "the movie id")
  int movie;

  @Mixin ListSizeOptions list;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "a dataset whose movie list gives titles, or 'sample'")
  Path data;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    list.check(spec.commandLine());
    Injector injector = injector(configOptions.request());
    MovieCatalog catalog = catalog(injector, data);
    RecommendRequest request =
        RecommendRequest.builder().setCount(list.top).optMinRatings(list.minRatings).build();
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model)) {
      List<SimilarMovie> similar = loaded.similarMovies(movie, request);
      if (json) {
        injector.getInstance(JsonPrinter.class).print(toJson(loaded, similar, catalog));
      } else {
        print(spec.commandLine().getOut(), similar, catalog);
      }
    }
    return 0;
  }

  private Map<String, Object> toJson(
      Model loaded, List<SimilarMovie> similar, MovieCatalog catalog) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (SimilarMovie item : similar) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("movie", item.rawMovieId());
      entry.put("title", title(catalog, item.rawMovieId()));
      entry.put("similarity", item.similarity());
      entry.put("training_ratings", loaded.popularity().count(item.rawMovieId()));
      items.add(entry);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("movie", movie);
    result.put("title", title(catalog, movie));
    result.put("backend", loaded.info().backend());
    result.put("similar", items);
    return result;
  }

  private void print(PrintWriter out, List<SimilarMovie> similar, MovieCatalog catalog) {
    String title = title(catalog, movie);
    out.printf(
        Locale.ROOT, "because you watched movie %d%s:%n", movie, title == null ? "" : " " + title);
    int rank = 1;
    for (SimilarMovie item : similar) {
      String other = title(catalog, item.rawMovieId());
      out.printf(
          Locale.ROOT,
          "%3d. %.3f  movie %-6d %s%n",
          rank++,
          item.similarity(),
          item.rawMovieId(),
          other == null ? "" : other);
    }
    out.flush();
  }

  private static String title(MovieCatalog catalog, int rawMovieId) {
    return catalog.find(rawMovieId).map(MovieInfo::displayTitle).orElse(null);
  }
}
