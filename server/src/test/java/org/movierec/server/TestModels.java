package org.movierec.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

/**
 * A small rated catalog with titles and genres, and two bias-baseline models trained on it with
 * different regularization, so that their answers differ; what the server tests serve.
 */
public final class TestModels {

  /** Users with ratings, raw ids {@code 100 + u}. */
  static final int USERS = 40;

  /** Movies in the catalog and the ratings, raw ids {@code 10 + 2m}. */
  static final int MOVIES = 30;

  /** A raw user id the data does not have. */
  static final int UNKNOWN_USER = 99_999;

  /** A raw movie id the data does not have. */
  static final int UNKNOWN_MOVIE = 77_777;

  static final String[] GENRES = {"Comedy", "Drama", "Action", "Sci-Fi"};

  private TestModels() {}

  /** The raw id of user {@code u}. */
  static int user(int u) {
    return 100 + u;
  }

  /** The raw id of movie {@code m}. */
  static int movie(int m) {
    return 10 + 2 * m;
  }

  /** The ratings with their catalog; the same on every call. */
  public static RatingDataset data() {
    List<MovieInfo> movies = new ArrayList<>();
    for (int m = 0; m < MOVIES; m++) {
      movies.add(
          new MovieInfo(
              movie(m),
              "Film <" + m + "> & Co",
              OptionalInt.of(1990 + m % 10),
              List.of(GENRES[m % GENRES.length])));
    }
    RatingsBuilder builder =
        new RatingsBuilder(RatingScale.WHOLE_STARS).catalog(MovieCatalog.of(movies));
    Random random = new Random(7);
    for (int u = 0; u < USERS; u++) {
      for (int m = 0; m < MOVIES; m++) {
        if (random.nextDouble() < 0.5) {
          int stars =
              Math.max(
                  1, Math.min(5, (int) Math.round(3 + random.nextGaussian() + (m % 5 - 2) * 0.5)));
          builder.add(user(u), movie(m), stars, 880_000_000L + builder.size());
        }
      }
    }
    return builder.build();
  }

  /** Trains a baseline model with this user-bias regularization and saves it to a file. */
  public static Path save(Path file, double userRegularization) throws IOException {
    return save(file, data(), userRegularization);
  }

  /** Trains a baseline model on these ratings and saves it to a file. */
  static Path save(Path file, RatingDataset ratings, double userRegularization) throws IOException {
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

  /** Loads a model file in-process, as a library user would, to compare with the server. */
  static Model load(Path file, TrainingConfig runtime) throws IOException {
    return BackendRegistry.discover().load(file, RuntimeOptions.of(runtime));
  }

  /** Loads a model file under the default runtime options. */
  public static Model load(Path file) throws IOException {
    return load(file, TrainingConfig.defaults());
  }
}
