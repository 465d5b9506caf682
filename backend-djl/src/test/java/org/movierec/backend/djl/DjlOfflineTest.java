package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the backend never lets DJL reach the network. Each case runs {@link OfflineProbe} in
 * a fresh JVM, because DJL reads its switches once, when its engine class loads, and that has long
 * happened in this test JVM. The child gets:
 *
 * <ul>
 *   <li>no {@code -Doffline} flag: the backend must set the switch itself;
 *   <li>an empty engine cache ({@code ENGINE_CACHE_DIR}, {@code DJL_CACHE_DIR}), so DJL has nothing
 *       cached and must either extract PyTorch from the native jar on the class path or download
 *       it;
 *   <li>http and https URL handlers that record and refuse every connection. DJL makes all its
 *       network calls, downloads and its EC2 telemetry probe alike, through {@link java.net.URL},
 *       including those that bypass proxies, so the handler sees each attempt and nothing leaves
 *       the machine.
 * </ul>
 *
 * <p>The control case starts DJL's engine without the backend and without the switch: it must
 * record DJL's telemetry probe, showing that the hook would catch an attempt. The backend case must
 * record none, load PyTorch from the fresh cache directory that it extracted from the jar, and
 * train.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DjlOfflineTest {

  /** Shared, so PyTorch is extracted once; the backend case runs first, on the empty cache. */
  @TempDir static Path cache;

  @Test
  @Order(1)
  void backend_freshJvmAndEmptyCache_trainsWithoutAnyNetworkAttempt() throws Exception {
    List<String> output = probe("backend");
    assertThat(output).contains("attempts=[]", "offline=true");
    Path library = Path.of(line(output, "library="));
    assertThat(library).startsWith(cache);
    assertThat(library.resolve("libtorch_cpu.so")).isRegularFile();
  }

  @Test
  @Order(2)
  void control_bareDjlWithoutOfflineSwitch_attemptIsRecorded() throws Exception {
    List<String> output = probe("bare");
    assertThat(line(output, "attempts=")).contains("http://169.254.169.254/");
    assertThat(output).contains("offline=null");
  }

  private List<String> probe(String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-DENGINE_CACHE_DIR=" + cache,
                "-DDJL_CACHE_DIR=" + cache,
                OfflineProbe.class.getName(),
                mode)
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.contains("DJL") || name.contains("TORCH"));
    builder.environment().remove("OPT_OUT_TRACKING");
    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text.lines().toList();
  }

  private static String line(List<String> output, String prefix) {
    return output.stream()
        .filter(line -> line.startsWith(prefix))
        .findFirst()
        .map(line -> line.substring(prefix.length()))
        .orElseThrow(() -> new AssertionError("no line starting " + prefix + " in " + output));
  }
}
