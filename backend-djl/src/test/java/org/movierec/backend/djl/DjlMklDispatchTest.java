package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DjlMklDispatchTest {

  /** The C library's {@code getenv}: the environment as native code sees it, not Java's copy. */
  interface CEnvironment extends Library {
    String getenv(String name);
  }

  private static final String AMD =
      "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\n"
          + "flags\t\t: fpu sse sse2 avx fma avx2 f16c\n";

  @Test
  void asksForAvx2OnAnAmdProcessorThatHasIt() {
    assertThat(DjlMklDispatch.wanted("Linux", Optional.empty(), AMD)).isTrue();
  }

  @Test
  void leavesIntelProcessorsAlone() {
    assertThat(
            DjlMklDispatch.wanted(
                "Linux", Optional.empty(), AMD.replace("AuthenticAMD", "GenuineIntel")))
        .isFalse();
  }

  @Test
  void leavesAnAmdProcessorWithoutAvx2Alone() {
    assertThat(DjlMklDispatch.wanted("Linux", Optional.empty(), AMD.replace(" avx2", "")))
        .isFalse();
  }

  @Test
  void neverOverridesAValueTheEnvironmentHas() {
    assertThat(DjlMklDispatch.wanted("Linux", Optional.of(""), AMD)).isFalse();
    assertThat(DjlMklDispatch.wanted("Linux", Optional.of("2"), AMD)).isFalse();
  }

  @Test
  void onlyOnLinux() {
    assertThat(DjlMklDispatch.wanted("Mac OS X", Optional.empty(), AMD)).isFalse();
  }

  @Test
  void startingTheEngineSetsTheVariableWhereThisMachineWantsIt() throws Exception {
    boolean wanted =
        DjlMklDispatch.wanted(
            System.getProperty("os.name"),
            Optional.ofNullable(System.getenv(DjlMklDispatch.VARIABLE)),
            Files.exists(Path.of("/proc/cpuinfo"))
                ? Files.readString(Path.of("/proc/cpuinfo"))
                : "");

    DjlEngine.start(1);

    if (wanted) {
      assertThat(nativeValue()).contains(DjlMklDispatch.AVX2);
    } else {
      assertThat(nativeValue())
          .isEqualTo(Optional.ofNullable(System.getenv(DjlMklDispatch.VARIABLE)));
    }
  }

  private static Optional<String> nativeValue() {
    return Optional.ofNullable(
        Native.load("c", CEnvironment.class).getenv(DjlMklDispatch.VARIABLE));
  }
}
