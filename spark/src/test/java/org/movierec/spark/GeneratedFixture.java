package org.movierec.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.data.split.Split;
import org.movierec.data.split.Splits;
import org.movierec.spark.ratings.SparkRatings;

/**
 * Generated ml-100k-sized data (the data module's generator, 1,000 users x 1,700 movies, 100,000
 * ratings), an 80/20 split and a DJL model trained on it for one epoch, made once per test JVM in a
 * temporary directory removed at exit.
 */
public final class GeneratedFixture {

  private static GeneratedFixture instance;

  /** The generated dataset directory, in the ml-100k layout. */
  public final Path directory;

  /** The training side of the split. */
  public final RatingDataset train;

  /** The test side of the split. */
  public final RatingDataset test;

  /** The model file trained on {@link #train}. */
  public final Path modelFile;

  private GeneratedFixture(Path directory, Split split, Path modelFile) {
    this.directory = directory;
    this.train = split.train();
    this.test = split.test();
    this.modelFile = modelFile;
  }

  /** The fixture, made on first use. */
  public static synchronized GeneratedFixture get() {
    if (instance == null) {
      try {
        instance = make();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** Loads the model file on this JVM, without Spark; the caller closes it. */
  public Model loadModel() throws IOException {
    return BackendRegistry.discover()
        .load(modelFile, org.movierec.core.spi.RuntimeOptions.of(TrainingConfig.defaults()));
  }

  /** A dataset's rows as a Spark dataset of {@link SparkRatings#SCHEMA}. */
  public static Dataset<Row> toSpark(SparkSession spark, RatingDataset data) {
    List<Row> rows = new ArrayList<>(data.size());
    for (int row = 0; row < data.size(); row++) {
      rows.add(
          RowFactory.create(
              data.rawUserId(row), data.rawMovieId(row), data.rating(row), data.timestamp(row)));
    }
    return spark.createDataFrame(rows, SparkRatings.SCHEMA).repartition(3);
  }

  private static GeneratedFixture make() throws IOException {
    Path root = Files.createTempDirectory("movierec-spark-test");
    deleteAtExit(root);
    Path directory = root.resolve("gen-100k");
    DatasetGenerator.generate(GeneratorSpec.sampleShape(), directory, Layout.ML_100K);
    RatingDataset all = DatasetReader.read(directory).dataset();
    Split split = Splits.randomHoldout(all, 0.2, 7);
    TrainingConfig config =
        TrainingConfig.builder().set("backend", "djl").set("epochs", "1").build();
    Path modelFile = root.resolve("model.mrec");
    try (Model model =
        BackendRegistry.discover()
            .get(config.backend())
            .newTrainer()
            .train(split.train(), config)) {
      model.save(modelFile);
    }
    return new GeneratedFixture(directory, split, modelFile);
  }

  private static void deleteAtExit(Path root) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (var paths = Files.walk(root)) {
                    paths
                        .sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
                  } catch (IOException e) {
                    // a temporary directory left behind is harmless
                  }
                }));
  }
}
