package org.movierec.backend.djl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets Intel's MKL, which libtorch's CPU build calls for every matrix product, use its AVX2 kernels
 * on AMD processors. The MKL bundled with libtorch 1.13.1 picks its code path by vendor and gives a
 * non-Intel processor a generic one, unless the environment variable {@code MKL_DEBUG_CPU_TYPE=5}
 * asks for AVX2; on this project's AMD EPYC machines that makes a matrix product about 2.5 times as
 * fast, and a training step about a fifth cheaper (BENCHMARKS.md). MKL reads the variable when it
 * first computes, so setting it in this process before the first product is enough.
 *
 * <p>Set only on Linux, only when the processor is an AMD one that reports AVX2, and never over a
 * value the environment already has: {@code MKL_DEBUG_CPU_TYPE=} (empty) keeps MKL's own choice.
 */
final class DjlMklDispatch {

  /** The variable MKL reads. */
  static final String VARIABLE = "MKL_DEBUG_CPU_TYPE";

  /** MKL's value for its AVX2 code path. */
  static final String AVX2 = "5";

  private static final Logger LOG = LoggerFactory.getLogger(DjlMklDispatch.class);

  private static boolean applied;

  /** The C library's {@code setenv}, which changes the environment native code reads. */
  interface CLibrary extends Library {
    int setenv(String name, String value, int overwrite);
  }

  private DjlMklDispatch() {}

  /**
   * Whether to ask MKL for its AVX2 kernels.
   *
   * @param osName the {@code os.name} property
   * @param current the variable's value in the environment, if any
   * @param cpuinfo the text of {@code /proc/cpuinfo}
   */
  static boolean wanted(String osName, Optional<String> current, String cpuinfo) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || current.isPresent()) {
      return false;
    }
    return field(cpuinfo, "vendor_id").equals("AuthenticAMD")
        && (" " + field(cpuinfo, "flags") + " ").contains(" avx2 ");
  }

  /** The value of the first line of {@code cpuinfo} naming {@code key}, or an empty string. */
  private static String field(String cpuinfo, String key) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  /** Sets the variable in this process when {@link #wanted}; once, before any matrix product. */
  static synchronized void apply() {
    if (applied) {
      return;
    }
    applied = true;
    String cpuinfo;
    try {
      cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (!wanted(
        System.getProperty("os.name", ""), Optional.ofNullable(System.getenv(VARIABLE)), cpuinfo)) {
      return;
    }
    try {
      Native.load("c", CLibrary.class).setenv(VARIABLE, AVX2, 0);
      LOG.debug("AMD processor with AVX2: {}={} lets MKL use its AVX2 kernels", VARIABLE, AVX2);
    } catch (LinkageError | RuntimeException e) {
      LOG.debug("cannot set {} for MKL ({}); matrix products use MKL's generic path", VARIABLE, e);
    }
  }
}
