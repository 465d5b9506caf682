package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieFilter;
import org.movierec.core.model.RecommendRequest;

/**
 * The options every list endpoint takes, {@code top}, {@code exclude}, {@code genre} and {@code
 * min_ratings}, from the query or a JSON body, turned into the library's {@link RecommendRequest}:
 * the filtering itself is the library's.
 */
final class ListRequests {

  /** The names of the options, for endpoints that check which parameters they take. */
  static final List<String> OPTIONS = List.of("top", "exclude", "genre", "min_ratings");

  /** The longest genre name taken, from a query or a body. */
  static final int MAX_GENRE = 100;

  private ListRequests() {}

  /** The options from the query string. */
  static RecommendRequest fromQuery(Context ctx, Model model, MovieCatalog catalog) {
    return fromQuery(ctx.queryParamMap(), model, catalog);
  }

  /** The options from a parsed query string. */
  static RecommendRequest fromQuery(
      Map<String, List<String>> query, Model model, MovieCatalog catalog) {
    return build(
        Params.queryInt(query, "top", defaultTop(model), 1, maxTop(model), CATALOG),
        Params.queryIds(query, "exclude"),
        Params.queryText(query, "genre", MAX_GENRE),
        Params.queryInt(query, "min_ratings", 0, 0, Integer.MAX_VALUE, ""),
        catalog);
  }

  /** The options from fields of a JSON body. */
  static RecommendRequest fromBody(JsonNode body, Model model, MovieCatalog catalog) {
    List<Integer> exclude = new ArrayList<>();
    JsonNode excluded = body.get("exclude");
    if (excluded != null && !excluded.isNull()) {
      JsonNode ids = JsonBody.array(body, "", "exclude", 0, Params.MAX_LIST);
      for (int i = 0; i < ids.size(); i++) {
        if (!ids.get(i).isIntegralNumber() || !ids.get(i).canConvertToInt()) {
          throw ApiException.badField("exclude[" + i + "]", "must be an integer movie id");
        }
        exclude.add(ids.get(i).intValue());
      }
    }
    JsonNode genre = body.get("genre");
    if (genre != null && !genre.isNull() && !genre.isTextual()) {
      throw ApiException.badField("genre", "must be a genre name such as \"Comedy\"");
    }
    if (genre != null && genre.isTextual() && genre.textValue().length() > MAX_GENRE) {
      throw ApiException.badField("genre", "is longer than " + MAX_GENRE + " characters");
    }
    return build(
        JsonBody.optionalInt(body, "", "top", defaultTop(model), 1, maxTop(model)),
        exclude,
        genre == null || genre.isNull() || genre.textValue().isBlank() ? null : genre.textValue(),
        JsonBody.optionalInt(body, "", "min_ratings", 0, 0, Integer.MAX_VALUE),
        catalog);
  }

  /** The request with more movies never to list, such as those the user rated in the dataset. */
  static RecommendRequest excluding(RecommendRequest request, Set<Integer> movies) {
    if (movies.isEmpty()) {
      return request;
    }
    Set<Integer> excluded = new HashSet<>(request.excludedMovies());
    excluded.addAll(movies);
    return new RecommendRequest(request.count(), excluded, request.filter(), request.minRatings());
  }

  private static final String CATALOG = " (the movies the model knows)";

  private static int defaultTop(Model model) {
    return Math.min(10, maxTop(model));
  }

  /** A list never holds more than the catalog, so {@code top} is bounded by it. */
  private static int maxTop(Model model) {
    return Math.max(1, model.movies().size());
  }

  private static RecommendRequest build(
      int top, List<Integer> exclude, String genre, int minRatings, MovieCatalog catalog) {
    RecommendRequest.Builder request =
        RecommendRequest.builder().setCount(top).optExclude(exclude).optMinRatings(minRatings);
    if (genre != null) {
      try {
        request.optFilter(MovieFilter.genre(catalog, genre));
      } catch (IllegalArgumentException e) {
        throw ApiException.badField("genre", "names no genre of the catalog: " + e.getMessage());
      }
    }
    return request.build();
  }
}
