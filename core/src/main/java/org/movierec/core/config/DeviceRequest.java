package org.movierec.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device a user asked for: {@code auto}, {@code cpu}, {@code gpu} (the first GPU) or {@code
 * gpu:N}. Backends turn it into a real device and fail clearly when it cannot be had.
 *
 * @param kind what kind of device was asked for
 * @param gpuOrdinal the GPU number for {@link Kind#GPU}, otherwise 0
 */
public record DeviceRequest(Kind kind, int gpuOrdinal) {

  private static final Pattern FORM = Pattern.compile("(auto|cpu|gpu)(?::(\\d{1,4}))?");

  /** The kinds of device request. */
  public enum Kind {
    /** A GPU when the engine reports one, otherwise the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** A GPU; failing when none is available. */
    GPU
  }

  /** Checks that only GPU requests carry an ordinal. */
  public DeviceRequest {
    if (gpuOrdinal < 0 || (kind != Kind.GPU && gpuOrdinal != 0)) {
      throw new IllegalArgumentException("only gpu takes a device number, got " + gpuOrdinal);
    }
  }

  /**
   * Parses {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static DeviceRequest parse(String text) {
    Matcher matcher = FORM.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
    if (!matcher.matches() || (matcher.group(2) != null && !matcher.group(1).equals("gpu"))) {
      throw new IllegalArgumentException(
          "device '" + text + "' is not one of auto, cpu, gpu, gpu:N");
    }
    Kind kind = Kind.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
    int ordinal = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
    return new DeviceRequest(kind, ordinal);
  }

  /**
   * Rejects a GPU request for a backend that computes on the CPU only; {@code auto} and {@code cpu}
   * pass.
   *
   * @throws ConfigException naming the backend and what to ask for instead
   */
  public void requireCpu(String backend) {
    if (kind == Kind.GPU) {
      throw new ConfigException(
          "device="
              + this
              + ", but backend "
              + backend
              + " computes on the CPU only; use device=cpu or device=auto");
    }
  }

  /** The text form, e.g. {@code gpu:1}. */
  @Override
  public String toString() {
    return kind == Kind.GPU && gpuOrdinal > 0
        ? "gpu:" + gpuOrdinal
        : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
