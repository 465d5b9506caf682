package org.movierec.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.ColdStartPolicy;

/** What a loaded model takes from the configuration: device, threads, cold start, list threads. */
class RuntimeOptionsTest {

  @Test
  void of_defaults_scoresEachListOnOneThreadPerCore() {
    assertThat(RuntimeOptions.of(TrainingConfig.defaults()).recommendThreads()).isZero();
  }

  @Test
  void of_recommendThreadsSet_carriesItToTheLoadedModel() {
    TrainingConfig config =
        TrainingConfig.builder()
            .set("recommend_threads", "1")
            .set("cold_start", "error")
            .set("threads", "3")
            .build();
    RuntimeOptions options = RuntimeOptions.of(config);
    assertThat(options.recommendThreads()).isEqualTo(1);
    assertThat(options.threads()).isEqualTo(3);
    assertThat(options.coldStart()).isEqualTo(ColdStartPolicy.ERROR);
  }

  @Test
  void recommendThreads_outOfRange_isRefusedWithTheKeyName() {
    assertThatThrownBy(() -> TrainingConfig.builder().set("recommend_threads", "65").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("recommend_threads");
    assertThatThrownBy(
            () -> new RuntimeOptions(DeviceRequest.parse("cpu"), 0, ColdStartPolicy.FALLBACK, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recommendThreads");
  }
}
