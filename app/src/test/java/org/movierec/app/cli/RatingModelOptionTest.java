package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.app.MovieRec;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;

/**
 * {@code --rating-model} on {@code recommend}, {@code predict} and {@code serve}, with two baseline
 * models of the embedded sample trained with different regularization: lists come from {@code
 * --model}, every predicted rating from {@code --rating-model}, and a model of other ratings is
 * refused in one line naming both files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingModelOptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ADDRESS = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
  private static final String USER = "1";

  @TempDir static Path dir;
  private Path rank;
  private Path tuned;
  private Path other;

  @BeforeAll
  void trainModels() throws Exception {
    rank = train("sample", "rank.mrec", "2");
    tuned = train("sample", "tuned.mrec", "60");
    Path data = dir.resolve("other-data");
    DatasetGenerator.generate(
        GeneratorSpec.builder().setUsers(40).setMovies(30).setRatings(800).optSeed(4).build(),
        data,
        Layout.ML_100K);
    other = train(data.toString(), "other.mrec", "15");
    assertThat(movies(recommend(rank))).isNotEqualTo(movies(recommend(tuned)));
  }

  @Test
  void recommend_withRatingModel_listsByTheModelAndRatesByTheRatingModel() throws Exception {
    JsonNode paired = recommend(rank, "--rating-model", tuned.toString());
    JsonNode ranked = recommend(rank);

    assertThat(movies(paired)).isEqualTo(movies(ranked));
    assertThat(paired.get("rating_model").textValue()).isEqualTo(tuned.toString());
    JsonNode items = paired.get("recommendations");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      assertThat(item.get("score").floatValue())
          .isEqualTo(ranked.get("recommendations").get(i).get("score").floatValue());
      assertThat(item.get("predicted_rating").floatValue())
          .isEqualTo(predict(tuned, item.get("movie").asText()));
    }
  }

  @Test
  void predict_withRatingModel_answersWithTheRatingModel() throws Exception {
    CliRun run =
        CliRun.of(
            "predict",
            "--model",
            rank.toString(),
            "--rating-model",
            tuned.toString(),
            "--user",
            USER,
            "--movie",
            "3",
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).get("predicted_rating").floatValue())
        .isEqualTo(predict(tuned, "3"))
        .isNotEqualTo(predict(rank, "3"));
  }

  @Test
  void recommendAndPredict_ratingModelOfOtherRatings_failInOneLineNamingBothFiles() {
    CliRun list =
        CliRun.of(
            "recommend",
            "--model",
            rank.toString(),
            "--rating-model",
            other.toString(),
            "--user",
            USER);
    CliRun one =
        CliRun.of(
            "predict",
            "--model",
            rank.toString(),
            "--rating-model",
            other.toString(),
            "--user",
            USER,
            "--movie",
            "3");

    for (CliRun run : List.of(list, one)) {
      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err())
          .contains(rank.toString() + " knows")
          .contains(other.toString())
          .contains("train both on the same ratings");
      assertThat(run.errLines()).isEqualTo(1);
    }
  }

  @Test
  void serve_withRatingModelAndRetraining_isAUsageError() {
    CliRun run =
        CliRun.of(
            "serve",
            "--model",
            rank.toString(),
            "--rating-model",
            tuned.toString(),
            "--store",
            dir.resolve("ratings.db").toString(),
            "--retrain-after",
            "100",
            "--port",
            "0");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("drop --retrain-every and --retrain-after");
  }

  @Test
  void serve_withRatingModel_servesBothFilesAndDescribesThem() throws Exception {
    Path out = dir.resolve("serve-out.txt");
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MovieRec.class.getName(),
                "serve",
                "--model",
                rank.toString(),
                "--rating-model",
                tuned.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    try {
      URI base = awaitAddress(serve, out);
      HttpClient client = HttpClient.newHttpClient();
      JsonNode model = get(client, base.resolve("v1/model"));
      JsonNode list = get(client, base.resolve("v1/users/" + USER + "/recommendations?top=10"));

      assertThat(Files.readString(out))
          .contains("serving " + rank + " (lists) + " + tuned + " (ratings) (baseline + baseline,");
      assertThat(model.get("file").textValue()).isEqualTo("rank.mrec");
      assertThat(model.get("rating_model").get("file").textValue()).isEqualTo("tuned.mrec");
      JsonNode ranked = recommend(rank).get("recommendations");
      JsonNode items = list.get("recommendations");
      for (int i = 0; i < items.size(); i++) {
        assertThat(items.get(i).get("movie").asInt()).isEqualTo(ranked.get(i).get("movie").asInt());
        assertThat(items.get(i).get("predicted_rating").floatValue())
            .isEqualTo(predict(tuned, items.get(i).get("movie").asText()));
      }
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static Path train(String data, String name, String userRegularization) {
    Path model = dir.resolve(name);
    CliRun run =
        CliRun.of(
            "train",
            "--data",
            data,
            "--backend",
            "baseline",
            "--set",
            "bias_reg_user=" + userRegularization,
            "--model",
            model.toString());
    assertThat(run.code()).as(run.err()).isZero();
    return model;
  }

  private static JsonNode recommend(Path model, String... options) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("recommend", "--model", model.toString(), "--user", USER, "--json"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static float predict(Path model, String movie) throws Exception {
    CliRun run =
        CliRun.of(
            "predict", "--model", model.toString(), "--user", USER, "--movie", movie, "--json");
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out()).get("predicted_rating").floatValue();
  }

  private static List<Integer> movies(JsonNode answer) {
    List<Integer> movies = new ArrayList<>();
    answer.get("recommendations").forEach(item -> movies.add(item.get("movie").asInt()));
    return movies;
  }

  private static JsonNode get(HttpClient client, URI uri) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The address the server prints once it listens. */
  private static URI awaitAddress(Process serve, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(out)) {
        Matcher matcher = ADDRESS.matcher(Files.readString(out, StandardCharsets.UTF_8));
        if (matcher.find()) {
          return URI.create(matcher.group(1));
        }
      }
      if (!serve.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server never said where it listens: " + Files.readString(out));
  }
}
