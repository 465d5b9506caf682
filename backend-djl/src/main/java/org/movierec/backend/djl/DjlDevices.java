package org.movierec.backend.djl;

import ai.djl.Device;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.DeviceRequest;

/**
 * Turns a {@link DeviceRequest} into a DJL {@link Device}: a pure function of the request, the GPU
 * count and the natives on the class path, so every case is testable without a GPU.
 */
public final class DjlDevices {

  /** The PyTorch natives this build carries. */
  public enum NativeFlavor {
    /** {@code pytorch-native-cpu}, the default build. */
    CPU("pytorch-native-cpu"),
    /** {@code pytorch-native-cu117}, the {@code -Pcu117} build. */
    CUDA("pytorch-native-cu117");

    private final String artifact;

    NativeFlavor(String artifact) {
      this.artifact = artifact;
    }

    /** The Maven artifact that carries these natives. */
    public String artifact() {
      return artifact;
    }
  }

  private DjlDevices() {}

  /**
   * The device to use.
   *
   * @param request what the configuration asked for
   * @param gpuCount the GPUs the engine reports
   * @param flavor the natives on the class path
   * @throws ConfigException when a GPU is asked for and cannot be had, naming the build profile and
   *     what was found
   */
  public static Device select(DeviceRequest request, int gpuCount, NativeFlavor flavor) {
    boolean gpus = flavor == NativeFlavor.CUDA && gpuCount > 0;
    return switch (request.kind()) {
      case CPU -> Device.cpu();
      case AUTO -> gpus ? Device.gpu(0) : Device.cpu();
      case GPU -> {
        if (!gpus) {
          throw new ConfigException(
              "device="
                  + request
                  + ", but this build carries "
                  + (flavor == NativeFlavor.CPU ? "CPU" : "CUDA")
                  + " natives ("
                  + flavor.artifact()
                  + ") and found "
                  + gpuCount
                  + " GPUs; "
                  + (flavor == NativeFlavor.CPU
                      ? "build with -Pcu117 on a CUDA 11.7 machine"
                      : "run on a machine with a CUDA 11.7 GPU")
                  + ", or set device=cpu");
        }
        if (request.gpuOrdinal() >= gpuCount) {
          throw new ConfigException(
              "device="
                  + request
                  + ", but only "
                  + gpuCount
                  + " GPUs were found (gpu:0 to gpu:"
                  + (gpuCount - 1)
                  + "); pick one of them or set device=auto");
        }
        yield Device.gpu(request.gpuOrdinal());
      }
    };
  }
}
