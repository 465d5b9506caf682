package org.movierec.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Heap figures are read from the Prometheus text of the server's JVM gauges. */
class ServerMemoryTest {

  private static final String METRICS =
      """
      # HELP jvm_memory_used_bytes The amount of used memory
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 2.5165824E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.4221312E7
      jvm_memory_used_bytes{area="heap",id="G1 Survivor Space"} 674944.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 2.9593888E7
      movierec_model_generation 1.0
      """;

  @Test
  void add_metricsText_sumsTheHeapPoolsAndKeepsTheOldGeneration() {
    ServerMemory memory = new ServerMemory();

    assertThat(memory.add(1.5, METRICS)).isTrue();

    ServerMemory.Sample sample = memory.samples().get(0);
    assertThat(sample.seconds()).isEqualTo(1.5);
    assertThat(sample.heapUsedBytes()).isEqualTo(2.5165824E7 + 1.4221312E7 + 674944.0);
    assertThat(sample.oldGenBytes()).isEqualTo(1.4221312E7);
  }

  @Test
  void add_textWithoutHeapGauges_isNoSample() {
    ServerMemory memory = new ServerMemory();

    assertThat(memory.add(1, "movierec_model_generation 1.0\n")).isFalse();
    assertThat(memory.samples()).isEmpty();
  }
}
