package org.movierec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceRequestTest {

  @ParameterizedTest
  @ValueSource(strings = {"auto", "cpu", "gpu", "gpu:0", "gpu:3", " GPU:2 "})
  void parse_validForms_roundTrip(String text) {
    DeviceRequest request = DeviceRequest.parse(text);

    assertThat(DeviceRequest.parse(request.toString())).isEqualTo(request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpu", "cpu:1", "auto:0", "gpu:", "gpu:-1", "gpu:x", ""})
  void parse_invalidForms_listAllowedForms(String text) {
    assertThatThrownBy(() -> DeviceRequest.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, cpu, gpu, gpu:N");
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "cpu"})
  void requireCpu_autoOrCpu_passes(String text) {
    DeviceRequest.parse(text).requireCpu("itemknn");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpu", "gpu:1"})
  void requireCpu_gpu_namesTheBackendAndWhatToAskFor(String text) {
    assertThatThrownBy(() -> DeviceRequest.parse(text).requireCpu("itemknn"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "device="
                + text
                + ", but backend itemknn computes on the CPU only; use device=cpu or device=auto");
  }
}
