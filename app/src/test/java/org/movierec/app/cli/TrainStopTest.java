package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.data.TrainTest;
import org.movierec.app.output.Console;
import org.movierec.app.training.TrainJob;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.training.TrainingControl;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.data.ReadOptions;

/** A stop requested through the train job's control, as the Ctrl-C guard requests it. */
class TrainStopTest {

  @TempDir Path dir;

  @Test
  void run_stopRequestedWithoutCheckpoints_saysWhereAndLeavesTheModelFileUntouched()
      throws IOException {
    TrainJob job =
        Wiring.injector(console(), config("backend=baseline"), ReadOptions.defaults())
            .getInstance(TrainJob.class);
    TrainingControl control = new TrainingControl();
    control.requestStop();
    Path model = dir.resolve("model.mrec");

    assertThatThrownBy(() -> job.run(ratings(), model, control))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessage(
            "training stopped on request before its first batch; no checkpoint was written, so "
                + model
                + " was not touched (set checkpoint_every=N to keep progress)");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  private static TrainTest ratings() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 20; user++) {
      for (int movie = 1; movie <= 10; movie++) {
        builder.add(user, movie, 1 + (user * movie) % 5, 1000 + movie);
      }
    }
    RatingDataset all = builder.build();
    int[] train = java.util.stream.IntStream.range(0, 180).toArray();
    int[] test = java.util.stream.IntStream.range(180, 200).toArray();
    return new TrainTest(all.select(train), all.select(test), "first 180 rows");
  }

  private static Console console() {
    return new Console(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
  }

  private static org.movierec.app.config.EffectiveConfig config(String... sets) throws IOException {
    return ConfigResolver.resolve(
        new ConfigRequest(Optional.empty(), Optional.empty(), List.of(sets), List.of()));
  }
}
