package org.movierec.backend.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.training.TrainingListener;

class EaseTrainerTest {

  private static final long GIB = 1L << 30;

  /** Three users, four movies. */
  static ColumnarRatings tiny() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    builder.add(1, 10, 4, 100).add(1, 20, 3, 101).add(1, 40, 1, 102);
    builder.add(2, 10, 5, 103).add(2, 30, 4, 104).add(2, 40, 2, 105);
    builder.add(3, 20, 5, 106).add(3, 30, 5, 107).add(3, 40, 3, 108);
    return builder.build();
  }

  @Test
  void requireFits_ml25mCatalogIn4GiB_namesTheMemoryNeededTheHeapAndItemKnn() {
    EaseMemory memory = new EaseMemory(62_423, 25_000_000, 4 * GIB, GIB / 2);

    assertThatThrownBy(memory::requireFits)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("62,423 movies")
        .hasMessageContaining("58.1 GiB")
        .hasMessageContaining("3.5 GiB free of its 4.0 GiB maximum (-Xmx)")
        .hasMessageContaining("backend=itemknn")
        .hasMessageContaining("its copies of the 25,000,000 ratings 1.1 GiB more")
        .hasMessageContaining("at most 12,644 movies here");
  }

  @Test
  void requireFits_ml100kCatalogIn256MiB_passesAndCountsBothDoubleMatrices() {
    EaseMemory memory = new EaseMemory(1682, 100_000, GIB / 4, 20_000_000);

    memory.requireFits();

    assertThat(memory.solveBytes()).isEqualTo(16L * 1682 * 1682);
    assertThat(memory.weightBytes()).isEqualTo(4L * 1682 * 1682);
    assertThat(memory.peakBytes()).isEqualTo(16L * 1682 * 1682 + 48L * 100_000);
  }

  @Test
  void requireFits_catalogWhoseWeightsPassTwoGib_saysTheModelFileCannotHoldThem() {
    EaseMemory memory = new EaseMemory(24_000, 1_000_000, 1024 * GIB, GIB);

    assertThatThrownBy(memory::requireFits)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("2.1 GiB")
        .hasMessageContaining("model file")
        .hasMessageContaining("backend=itemknn");
  }

  @Test
  void train_catalogTooLargeForTheHeap_isRefusedBeforeTrainingStarts() {
    int movies = (int) Math.sqrt(Runtime.getRuntime().maxMemory() / 16.0) + 1000;
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, movies);
    for (int movie = 0; movie < movies; movie++) {
      builder.add(1 + movie % 7, movie + 1, 4, movie);
    }
    List<Object> heard = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onTrainingStart(TrainingStart start) {
            heard.add(start);
          }
        };

    assertThatThrownBy(
            () ->
                new EaseTrainer()
                    .train(builder.build(), Optional.empty(), TrainingConfig.defaults(), listener))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(String.format(java.util.Locale.ROOT, "%,d movies", movies))
        .hasMessageContaining("backend=itemknn");
    assertThat(heard).as("refused before any work").isEmpty();
  }

  @Test
  void ratedMovies_viewWithUnratedIds_countsOnlyRatedMovies() {
    ColumnarRatings data = tiny();
    int[] rows = {0, 1, 3};

    assertThat(EaseTrainer.ratedMovies(data.select(rows))).isEqualTo(2);
    assertThat(EaseTrainer.ratedMovies(data)).isEqualTo(4);
  }

  @Test
  void train_gpuRequested_saysEaseIsCpuOnly() {
    TrainingConfig gpu = TrainingConfig.builder().set("device", "gpu").build();
    assertThatThrownBy(() -> new EaseTrainer().train(tiny(), gpu))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("device=gpu")
        .hasMessageContaining("CPU only");
  }

  @Test
  void train_emptyData_failsClearly() {
    ColumnarRatings empty = new RatingsBuilder(RatingScale.WHOLE_STARS).build();
    assertThatThrownBy(() -> new EaseTrainer().train(empty, TrainingConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty training set");
  }

  @Test
  void train_anyRun_recordsEngineLambdaAndProvenance() {
    var model = new EaseTrainer().train(tiny(), TrainingConfig.defaults());

    assertThat(model.info().engine()).startsWith("pure Java").contains("EJML 0.");
    assertThat(model.info().architecture()).contains("lambda=500");
    assertThat(model.info().config()).containsEntry("lambda", "500");
    assertThat(model.info().provenance()).isNotNull();
  }
}
