package org.movierec.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.movierec.server.model.ServedModel;

/**
 * What the server counts and times, exposed at {@code /metrics}: a latency histogram and count per
 * endpoint, method and status; the model served (version, backend, load number, load time) and
 * reloads; and the JVM's memory, garbage collection, threads and CPU.
 */
public final class ServerMetrics implements AutoCloseable {

  /** The content type of the Prometheus text format that {@link #scrape()} writes. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Histogram bucket bounds in microseconds: from half a millisecond to ten seconds. */
  private static final Duration[] BUCKETS =
      LongStream.of(
              500,
              1_000,
              2_500,
              5_000,
              10_000,
              25_000,
              50_000,
              100_000,
              250_000,
              500_000,
              1_000_000,
              2_500_000,
              10_000_000)
          .mapToObj(micros -> Duration.ofNanos(micros * 1_000))
          .toArray(Duration[]::new);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final AtomicReference<Meter> modelInfo = new AtomicReference<>();
  private final AtomicReference<ServedModel> served = new AtomicReference<>();
  private final Counter loaded;
  private final Counter refused;

  /** A registry with the JVM's metrics bound. */
  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    loaded = reloads("loaded");
    refused = reloads("refused");
    Gauge.builder("movierec.model.generation", served, s -> generation(s.get()))
        .description("which load of this server the served model is: 1, then +1 per reload")
        .register(registry);
    Gauge.builder("movierec.model.loaded.timestamp", served, s -> loadedAt(s.get()))
        .description("when the served model was loaded, in seconds since 1970")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Times one answered request under its endpoint's path template, e.g. {@code /v1/model}. */
  public void request(String method, String endpoint, int status, double millis) {
    Timer.builder("movierec.http.requests")
        .description("HTTP requests by method, endpoint path template and status")
        .tag("method", method)
        .tag("endpoint", endpoint)
        .tag("status", Integer.toString(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
  }

  /** Notes that a model is now served; the info gauge names its version and backend. */
  public void served(ServedModel next) {
    Meter info =
        Gauge.builder("movierec.model.info", () -> 1)
            .description("the model being served: 1, labelled with its file's SHA-256 and backend")
            .tag("version", next.version())
            .tag("backend", next.model().info().backend())
            .register(registry);
    Meter previous = modelInfo.getAndSet(info);
    if (previous != null && previous != info) {
      registry.remove(previous);
    }
    if (served.getAndSet(next) != null) {
      loaded.increment();
    }
  }

  /** Notes a reload that was refused, so the old model kept serving. */
  public void refused() {
    refused.increment();
  }

  /** Every metric in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** Detaches the garbage-collection listeners. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private Counter reloads(String outcome) {
    return Counter.builder("movierec.model.reloads")
        .description("model reloads by outcome: loaded, or refused with the old model serving on")
        .tag("outcome", outcome)
        .register(registry);
  }

  private static double generation(ServedModel model) {
    return model == null ? 0 : model.generation();
  }

  private static double loadedAt(ServedModel model) {
    return model == null ? 0 : model.loadedAt().toEpochMilli() / 1000.0;
  }
}
