package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.movierec.backend.djl.DjlDevices.NativeFlavor;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.DeviceRequest;

class DjlDevicesTest {

  @Test
  void select_cpu_isCpuEvenWithGpus() {
    assertThat(DjlDevices.select(DeviceRequest.parse("cpu"), 2, NativeFlavor.CUDA))
        .isEqualTo(Device.cpu());
  }

  @Test
  void select_autoWithCudaAndGpus_takesFirstGpu() {
    assertThat(DjlDevices.select(DeviceRequest.parse("auto"), 2, NativeFlavor.CUDA))
        .isEqualTo(Device.gpu(0));
  }

  @Test
  void select_autoWithCpuNatives_fallsBackToCpu() {
    assertThat(DjlDevices.select(DeviceRequest.parse("auto"), 0, NativeFlavor.CPU))
        .isEqualTo(Device.cpu());
  }

  @Test
  void select_autoWithCudaButNoGpu_fallsBackToCpu() {
    assertThat(DjlDevices.select(DeviceRequest.parse("auto"), 0, NativeFlavor.CUDA))
        .isEqualTo(Device.cpu());
  }

  @Test
  void select_gpuOrdinal_takesThatGpu() {
    assertThat(DjlDevices.select(DeviceRequest.parse("gpu:1"), 2, NativeFlavor.CUDA))
        .isEqualTo(Device.gpu(1));
  }

  @Test
  void select_gpuWithCpuNatives_namesProfileAndGpuCount() {
    assertThatThrownBy(() -> DjlDevices.select(DeviceRequest.parse("gpu"), 0, NativeFlavor.CPU))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "device=gpu, but this build carries CPU natives (pytorch-native-cpu) and found 0"
                + " GPUs; build with -Pcu117 on a CUDA 11.7 machine");
  }

  @Test
  void select_gpuWithCudaNativesButNoGpu_saysSoAndOffersCpu() {
    assertThatThrownBy(() -> DjlDevices.select(DeviceRequest.parse("gpu"), 0, NativeFlavor.CUDA))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CUDA natives (pytorch-native-cu117) and found 0 GPUs")
        .hasMessageContaining("device=cpu");
  }

  @Test
  void select_gpuOrdinalBeyondCount_listsTheGpusThatExist() {
    assertThatThrownBy(() -> DjlDevices.select(DeviceRequest.parse("gpu:3"), 2, NativeFlavor.CUDA))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("device=gpu:3, but only 2 GPUs were found (gpu:0 to gpu:1)");
  }

  @Test
  void select_onThisMachine_agreesWithTheEngine() {
    var engine = DjlEngine.engine();
    Device device =
        DjlDevices.select(
            DeviceRequest.parse("auto"), engine.getGpuCount(), DjlEngine.flavor(engine));
    assertThat(device).isEqualTo(engine.defaultDevice());
  }
}
