package org.movierec.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.server.MovieRecServer;
import org.movierec.server.ServerConfig;
import org.movierec.server.model.ModelFileLoader;
import org.movierec.server.model.ServedModel;

/**
 * The HTTP load test against a real server on 127.0.0.1: clean when every answer is the library's
 * answer of a known model, also while reloads alternate two models, and not clean when the server
 * answers from a model the load test was not given.
 */
class HttpLoadTestTest {

  private static final String TOKEN = "load-test-token-0123456789";

  @TempDir static Path dir;

  private static Path first;
  private static Path second;

  @BeforeAll
  static void models() throws IOException {
    Path data = dir.resolve("data");
    DatasetGenerator.generate(
        GeneratorSpec.builder().setUsers(60).setMovies(50).setRatings(1_500).optSeed(9).build(),
        data,
        Layout.ML_100K);
    RatingDataset ratings = DatasetReader.read(data).dataset();
    first = train(ratings, 2, dir.resolve("first.mrec"));
    second = train(ratings, 40, dir.resolve("second.mrec"));
  }

  @AfterAll
  static void nothingRunsOn() {
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("JettyServerThreadPool"));
  }

  @Test
  void run_withReloadsBetweenTwoModels_isCleanAndAnsweredByBoth() throws Exception {
    try (MovieRecServer server = serve(first);
        Library library = new Library(first, second)) {
      HttpLoadResult result =
          HttpLoadTest.run(
              new HttpLoadTest.Settings(
                  server.uri(),
                  4,
                  Duration.ofSeconds(4),
                  1_000_000,
                  Duration.ofMillis(250),
                  List.of(first, second),
                  Optional.of(TOKEN)),
              library.models,
              5,
              new int[] {5, 4, 1, 1});

      assertThat(result.clean()).as(result.firstErrors() + " " + result.reloadFailures()).isTrue();
      assertThat(result.reloadsMade()).isGreaterThanOrEqualTo(4);
      assertThat(result.answersByVersion())
          .containsOnlyKeys(library.models.get(0).version(), library.models.get(1).version());
      assertThat(result.endpoints()).allSatisfy(e -> assertThat(e.requests()).isPositive());
      assertThat(result.memory()).isNotEmpty();
      assertThat(result.memorySummary()).contains("server heap in use");
    }
  }

  @Test
  void run_againstAModelItWasNotGiven_isNotClean() throws Exception {
    try (MovieRecServer server = serve(second);
        Library library = new Library(first)) {
      HttpLoadResult result =
          HttpLoadTest.run(
              new HttpLoadTest.Settings(
                  server.uri(),
                  2,
                  Duration.ofSeconds(2),
                  200,
                  Duration.ZERO,
                  List.of(),
                  Optional.empty()),
              library.models,
              5,
              new int[] {1, 1, 1, 1});

      assertThat(result.clean()).isFalse();
      assertThat(
              result.endpoints().stream().mapToLong(HttpLoadResult.Endpoint::unknownVersions).sum())
          .isEqualTo(result.endpoints().stream().mapToLong(HttpLoadResult.Endpoint::requests).sum())
          .isPositive()
          .isLessThanOrEqualTo(200);
    }
  }

  private static MovieRecServer serve(Path file) throws IOException {
    return MovieRecServer.builder()
        .setModelFile(file)
        .optConfig(
            ServerConfig.builder().optHost("127.0.0.1").optPort(0).optAdminToken(TOKEN).build())
        .build()
        .start();
  }

  private static Path train(RatingDataset ratings, double userRegularization, Path file)
      throws IOException {
    TrainingConfig config =
        TrainingConfig.builder()
            .set(Keys.BACKEND, "baseline")
            .set(Keys.BIAS_REG_USER, userRegularization)
            .build();
    try (Model model =
        BackendRegistry.discover().get("baseline").newTrainer().train(ratings, config)) {
      model.save(file);
    }
    return file;
  }

  /** The model files loaded in-process, as the load-test command loads them. */
  private static final class Library implements AutoCloseable {
    final List<ServedModel> models;

    Library(Path... files) throws IOException {
      java.util.List<ServedModel> loaded = new java.util.ArrayList<>();
      for (Path file : files) {
        loaded.add(ServedModel.load(file, ModelFileLoader.discover(), Instant.now(), 0));
      }
      models = List.copyOf(loaded);
    }

    @Override
    public void close() {
      models.forEach(served -> served.model().close());
    }
  }
}
