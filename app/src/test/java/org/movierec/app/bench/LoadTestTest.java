package org.movierec.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.TrainingSummary;

class LoadTestTest {

  /** CPU the JVM's own threads (compiler, collector) may add around a level, in seconds. */
  private static final double PROCESS_CPU_SLACK = 1.0;

  private static TrainedState state() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 30; user++) {
      for (int movie = 1; movie <= 40; movie += 1 + user % 3) {
        builder.add(user, movie, 1 + (user * movie) % 5, 0);
      }
    }
    ColumnarRatings data = builder.build();
    return TrainedState.of(
        data,
        Biases.fit(data, 5, 5, 5),
        new ModelInfo(
            "test",
            "java",
            "biases",
            java.util.Map.of(),
            new TrainingSummary(1, 1, 0, 0, java.util.List.of())));
  }

  /** A bias model, thread-safe by construction. */
  private static class BiasModel extends ScoringModel {
    BiasModel(TrainedState state) {
      super(state, ColdStartPolicy.FALLBACK);
    }

    @Override
    protected void scoreKnown(int[] users, int[] movies, int count, float[] out) {
      for (int i = 0; i < count; i++) {
        out[i] = state().biases().estimate(users[i], movies[i]);
      }
    }

    @Override
    protected void writeBackendSections(ModelFileWriter out) {}

    @Override
    public void close() {}
  }

  /** Shares one scratch buffer between callers: answers get mixed up under concurrency. */
  private static final class RacyModel extends BiasModel {
    private final float[] scratch = new float[1];

    RacyModel(TrainedState state) {
      super(state);
    }

    @Override
    protected void scoreKnown(int[] users, int[] movies, int count, float[] out) {
      for (int i = 0; i < count; i++) {
        scratch[0] = state().biases().estimate(users[i], movies[i]);
        Thread.yield();
        out[i] = scratch[0];
      }
    }
  }

  @Test
  void run_threadSafeModel_allAnswersMatchSingleThreaded() throws Exception {
    LoadResult result = new LoadTest(new BiasModel(state()), 10, 5, 3).run(8, 2000);

    assertThat(result.calls()).isEqualTo(16_000);
    assertThat(result.mismatches()).isZero();
    assertThat(result.exceptions()).isZero();
    assertThat(result.recommend().count()).isPositive();
    assertThat(result.predict().p99Micros()).isGreaterThanOrEqualTo(result.predict().p50Micros());
    assertThat(result.recommendCpu().count()).isEqualTo(result.recommend().count());
    assertThat(result.recommendCpu().p50Micros())
        .as("a call's own CPU time fits inside its wall time")
        .isPositive()
        .isLessThanOrEqualTo(result.recommend().maxMicros());
    assertThat(result.machine().processCpuSeconds())
        .as("the process worked during the level, and no longer than its threads could")
        .isPositive()
        .isLessThanOrEqualTo(
            result.seconds() * Runtime.getRuntime().availableProcessors() + PROCESS_CPU_SLACK);
    assertThat(result.machine().loadAverageBefore()).isGreaterThanOrEqualTo(0);
    assertThat(result.machine().loadAverageAfter()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void run_racyModel_countsMismatches() throws Exception {
    LoadResult result = new LoadTest(new RacyModel(state()), 0, 5, 3).run(8, 5000);

    assertThat(result.mismatches()).isPositive();
    assertThat(Optional.of(result.recommend().count())).contains(0L);
  }
}
