package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieFilter;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.SimilarMovie;
import org.movierec.server.RunningServer.Reply;

/**
 * {@code POST /v1/recommendations} answers a new user from their ratings as the library's fold-in
 * does, and {@code GET /v1/movies/{movie}/similar} lists what the library's similar movies are; bad
 * ratings and a model without movie vectors are refused with a JSON error.
 */
class FoldInAndSimilarTest {

  @TempDir static Path dir;

  private static Path file;
  private static RunningServer baseline;
  private static RunningServer vectors;
  private static Model library;
  private static Model vectorLibrary;

  @BeforeAll
  static void start() throws Exception {
    file = TestModels.save(dir.resolve("model.mrec"), 15);
    baseline =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optData(TestModels.data()),
            ServerConfig.builder());
    vectors =
        RunningServer.start(
            MovieRecServer.builder()
                .setModelFile(file)
                .optLoader(VectorTestModel.loader())
                .optData(TestModels.data()),
            ServerConfig.builder());
    library = TestModels.load(file);
    vectorLibrary = VectorTestModel.loader().load(ModelFile.read(file));
  }

  @AfterAll
  static void stop() {
    baseline.close();
    vectors.close();
    library.close();
    vectorLibrary.close();
  }

  @Test
  void foldIn_newUsersRatings_listTheLibrarysFoldInAnswerWithoutTheRatedMovies() throws Exception {
    int[] rated = {TestModels.movie(0), TestModels.movie(5), TestModels.movie(9)};
    Reply reply =
        baseline.post(
            "/v1/recommendations",
            "{\"ratings\": [{\"movie\": "
                + rated[0]
                + ", \"rating\": 5}, {\"movie\": "
                + rated[1]
                + ", \"rating\": 1}, {\"movie\": "
                + rated[2]
                + ", \"rating\": 4.0}, {\"movie\": "
                + TestModels.UNKNOWN_MOVIE
                + ", \"rating\": 3}], \"top\": 6, \"genre\": \"comedy\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Recommendation> expected =
        library
            .foldIn(
                List.of(
                    new MovieRating(rated[0], 5),
                    new MovieRating(rated[1], 1),
                    new MovieRating(rated[2], 4),
                    new MovieRating(TestModels.UNKNOWN_MOVIE, 3)))
            .recommend(
                RecommendRequest.builder()
                    .setCount(6)
                    .optFilter(MovieFilter.genre(TestModels.data().catalog(), "Comedy"))
                    .build());
    JsonNode json = reply.json();
    assertThat(json.get("ratings_given").intValue()).isEqualTo(4);
    assertThat(json.get("ratings_fitted").intValue()).isEqualTo(3);
    assertThat(json.get("model_version").textValue()).isEqualTo(baseline.server.served().version());
    JsonNode items = json.get("recommendations");
    assertThat(items).hasSameSizeAs(expected).isNotEmpty();
    for (int i = 0; i < expected.size(); i++) {
      assertThat(items.get(i).get("movie").intValue()).isEqualTo(expected.get(i).rawMovieId());
      assertThat(items.get(i).get("score").floatValue()).isEqualTo(expected.get(i).score());
      assertThat(items.get(i).get("title").textValue()).startsWith("Film <");
      assertThat(items.get(i).get("movie").intValue()).isNotIn(rated[0], rated[1], rated[2]);
    }
  }

  @Test
  void foldIn_ratingOffTheScale_is400NamingRatings() throws Exception {
    Reply reply =
        baseline.post(
            "/v1/recommendations",
            "{\"ratings\": [{\"movie\": " + TestModels.movie(1) + ", \"rating\": 9}]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("ratings");
    assertThat(reply.json().get("error").get("message").textValue())
        .contains(Integer.toString(TestModels.movie(1)));
  }

  @Test
  void foldIn_movieRatedTwice_is400() throws Exception {
    int movie = TestModels.movie(1);
    Reply reply =
        baseline.post(
            "/v1/recommendations",
            "{\"ratings\": [{\"movie\": "
                + movie
                + ", \"rating\": 2}, {\"movie\": "
                + movie
                + ", \"rating\": 3}]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("ratings");
  }

  @Test
  void foldIn_withoutRatings_namesTheField() throws Exception {
    Reply reply = baseline.post("/v1/recommendations", "{\"ratings\": [], \"top\": 3}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("ratings");
  }

  @Test
  void foldIn_ratingNotANumber_namesItsPath() throws Exception {
    Reply reply =
        baseline.post(
            "/v1/recommendations", "{\"ratings\": [{\"movie\": 10, \"rating\": \"five\"}]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("ratings[0].rating");
  }

  @Test
  void similar_modelWithMovieVectors_listsTheLibrarysSimilarMovies() throws Exception {
    int movie = TestModels.movie(4);
    Reply reply = vectors.get("/v1/movies/" + movie + "/similar?top=5&min_ratings=10");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<SimilarMovie> expected =
        vectorLibrary.similarMovies(
            movie, RecommendRequest.builder().setCount(5).optMinRatings(10).build());
    JsonNode json = reply.json();
    assertThat(json.get("title").textValue()).isEqualTo("Film <4> & Co (1994)");
    JsonNode similar = json.get("similar");
    assertThat(similar).hasSize(5);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(similar.get(i).get("movie").intValue()).isEqualTo(expected.get(i).rawMovieId());
      assertThat(similar.get(i).get("similarity").floatValue())
          .isEqualTo(expected.get(i).similarity());
    }
  }

  @Test
  void similar_unknownMovie_is404() throws Exception {
    Reply reply = vectors.get("/v1/movies/" + TestModels.UNKNOWN_MOVIE + "/similar");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("movie");
  }

  @Test
  void similar_modelWithoutMovieVectors_is501SayingWhichBackendCan() throws Exception {
    Reply reply = baseline.get("/v1/movies/" + TestModels.movie(4) + "/similar");

    assertThat(reply.status()).isEqualTo(501);
    assertThat(reply.json().get("error").get("code").textValue())
        .isEqualTo("not_supported_by_model");
    assertThat(reply.json().get("error").get("message").textValue()).contains("djl");
  }
}
