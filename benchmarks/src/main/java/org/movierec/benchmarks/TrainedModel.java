package org.movierec.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.data.Layout;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.model.Presets;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A model of the seed network (or the bias baseline) trained once per benchmark run on generated
 * ratings with a catalog of ml-100k's size or ml-25m's. Its quality does not matter here, only its
 * shape: one epoch with large batches keeps the set-up short.
 */
@State(Scope.Benchmark)
public class TrainedModel {

  /** The backend, found by name through the SPI as the application finds it. */
  @Param({"djl", "baseline"})
  public String backend;

  /** Movies in the catalog: ml-100k's 1,682 or ml-25m's 62,423. */
  @Param({"1682", "62423"})
  public int movies;

  /** The trained model, shared by every benchmark thread. */
  public Model model;

  /** The raw ids of the model's users and movies, to draw requests from. */
  public int[] userIds;

  /** The raw ids of the model's movies. */
  public int[] movieIds;

  private Path directory;

  /** Generates 200,000 ratings of 2,000 users and trains one epoch on them. */
  @Setup(Level.Trial)
  public void train() throws IOException {
    directory = GeneratedFiles.generate(2_000, movies, 200_000, 11, Layout.ML_100K);
    RatingDataset ratings = DatasetReader.read(directory).dataset();
    TrainingConfig config =
        TrainingConfig.builder()
            .setAll(Presets.SEED.settings())
            .set("backend", backend)
            .set("epochs", "1")
            .set("batch_size", "4096")
            .build();
    model = BackendRegistry.discover().get(backend).newTrainer().train(ratings, config);
    userIds = model.users().rawIds();
    movieIds = model.movies().rawIds();
  }

  /** Closes the model and deletes the generated files. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    model.close();
    GeneratedFiles.delete(directory);
  }
}
