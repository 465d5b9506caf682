package org.movierec.app.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.movierec.app.bench.LoadRequests.Kind;
import org.movierec.app.bench.LoadRequests.Verdict;
import org.movierec.server.model.ServedModel;

/**
 * Drives a running movierec server over HTTP from many threads for a bounded time and number of
 * requests, checks every answer against the library's answers of the model files it may serve,
 * optionally reloads the server between those files at a fixed interval, and samples the server's
 * heap from its {@code /metrics}.
 */
public final class HttpLoadTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final Settings settings;
  private final LoadRequests requests;
  private final HttpClient client;

  /**
   * How a load test runs.
   *
   * @param base the server's base address, e.g. {@code http://127.0.0.1:8080/}
   * @param threads concurrent clients
   * @param duration how long the load lasts
   * @param maxRequests the most requests sent in all, a bound besides the duration
   * @param reloadEvery the interval of reloads, zero for none
   * @param reloadFiles the model files reloads alternate between, as the server sees them
   * @param adminToken the server's admin token, needed for reloads
   */
  public record Settings(
      URI base,
      int threads,
      Duration duration,
      long maxRequests,
      Duration reloadEvery,
      List<Path> reloadFiles,
      Optional<String> adminToken) {

    /** Copies the list and rejects missing parts and reloads without files or token. */
    public Settings {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(reloadEvery, "reloadEvery");
      reloadFiles = List.copyOf(reloadFiles);
      Objects.requireNonNull(adminToken, "adminToken");
      if (!reloadEvery.isZero() && (reloadFiles.isEmpty() || adminToken.isEmpty())) {
        throw new IllegalArgumentException("reloads need model files and the admin token");
      }
    }
  }

  /** Distinct requests drawn per run; their library answers are computed before the load. */
  static final int DISTINCT_REQUESTS = 2048;

  /** Pairs in one batch request. */
  static final int BATCH_PAIRS = 20;

  /**
   * Runs a load test against a server that serves one of the given models: requests are drawn over
   * the first model's users and movies, and every model's library answers to them recorded.
   *
   * @param weights the weights of top-N requests, single ratings and batches
   */
  public static HttpLoadResult run(
      Settings settings, List<ServedModel> models, int top, int[] weights)
      throws InterruptedException {
    LoadRequests requests =
        LoadRequests.draw(
            models.get(0).model(), DISTINCT_REQUESTS, top, BATCH_PAIRS, weights, 20_240_601L);
    for (ServedModel model : models) {
      requests.answersOf(model.version(), model.model());
    }
    return new HttpLoadTest(settings, requests).run();
  }

  private HttpLoadTest(Settings settings, LoadRequests requests) {
    this.settings = settings;
    this.requests = requests;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Runs the load and returns what it measured. */
  private HttpLoadResult run() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + settings.duration().toNanos();
    AtomicLong issued = new AtomicLong();
    ServerMemory memory = new ServerMemory();
    Reloads reloads = new Reloads();
    ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
    background.scheduleAtFixedRate(() -> sampleMemory(memory, start), 0, 1, TimeUnit.SECONDS);
    if (!settings.reloadEvery().isZero()) {
      long every = settings.reloadEvery().toMillis();
      background.scheduleAtFixedRate(() -> reloads.next(this), every, every, TimeUnit.MILLISECONDS);
    }
    ExecutorService workers = Executors.newFixedThreadPool(settings.threads());
    List<Future<Worker>> futures = new ArrayList<>();
    for (int t = 0; t < settings.threads(); t++) {
      Worker worker = new Worker(t * (requests.size() / settings.threads() + 1));
      futures.add(workers.submit(() -> worker.run(deadline, issued)));
    }
    List<Worker> done = new ArrayList<>();
    try {
      for (Future<Worker> future : futures) {
        done.add(future.get());
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a load-test client failed unexpectedly", e.getCause());
    } finally {
      workers.shutdownNow();
      background.shutdown();
      background.awaitTermination(30, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampleMemory(memory, start);
    return HttpLoadResult.of(settings, seconds, done, reloads, memory.samples());
  }

  private void sampleMemory(ServerMemory memory, long start) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(settings.base().resolve("metrics"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 200) {
        memory.add((System.nanoTime() - start) / 1e9, response.body());
      }
    } catch (IOException e) {
      // A missed sample shows as a gap; the requests' own errors are what count.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The reloads made during the load, alternating between the files. */
  static final class Reloads {
    private int made;
    private int failed;
    private final List<String> failures = new ArrayList<>();

    synchronized void next(HttpLoadTest test) {
      Path file = test.settings.reloadFiles().get(made % test.settings.reloadFiles().size());
      made++;
      try {
        HttpResponse<String> response =
            test.client.send(
                HttpRequest.newBuilder(test.settings.base().resolve("admin/reload"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + test.settings.adminToken().orElseThrow())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            JSON.createObjectNode()
                                .put("model", file.toAbsolutePath().toString())
                                .toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
          fail("HTTP " + response.statusCode() + ": " + response.body());
        }
      } catch (IOException e) {
        fail(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void fail(String why) {
      failed++;
      if (failures.size() < 5) {
        failures.add(why);
      }
    }

    synchronized int made() {
      return made;
    }

    synchronized int failed() {
      return failed;
    }

    synchronized List<String> failures() {
      return List.copyOf(failures);
    }
  }

  /** One client thread and what it saw. */
  final class Worker {
    private final int offset;
    final Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
    final Map<String, Long> versions = new HashMap<>();
    final List<String> firstErrors = new ArrayList<>();

    Worker(int offset) {
      this.offset = offset;
      for (Kind kind : Kind.values()) {
        tallies.put(kind, new Tally());
      }
    }

    Worker run(long deadline, AtomicLong issued) throws InterruptedException {
      for (int n = 0;
          System.nanoTime() < deadline && issued.incrementAndGet() <= settings.maxRequests();
          n++) {
        int i = (offset + n) % requests.size();
        Tally tally = tallies.get(requests.kind(i));
        tally.requests++;
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
          response =
              client.send(
                  requests.http(settings.base(), i), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
          tally.errors++;
          note(requests.kind(i) + ": " + e);
          continue;
        }
        tally.latency(System.nanoTime() - t0);
        if (response.statusCode() != 200) {
          tally.errors++;
          note(
              requests.kind(i)
                  + ": HTTP "
                  + response.statusCode()
                  + " "
                  + new String(response.body(), StandardCharsets.UTF_8));
          continue;
        }
        JsonNode body;
        try {
          body = JSON.readTree(response.body());
        } catch (IOException e) {
          tally.errors++;
          note(requests.kind(i) + ": not JSON");
          continue;
        }
        Verdict verdict = requests.check(i, body);
        if (verdict == Verdict.UNKNOWN_VERSION) {
          tally.unknownVersions++;
        } else if (verdict == Verdict.DIFFERENT) {
          tally.mismatches++;
          note(requests.kind(i) + ": differs from the library: " + body);
        }
        versions.merge(body.path("model_version").asText(), 1L, Long::sum);
      }
      return this;
    }

    private void note(String error) {
      if (firstErrors.size() < 3) {
        firstErrors.add(error.length() > 300 ? error.substring(0, 300) + "..." : error);
      }
    }
  }

  /** The counts and latencies of one endpoint in one thread. */
  static final class Tally {
    long[] nanos = new long[1024];
    int count;
    long requests;
    long errors;
    long mismatches;
    long unknownVersions;

    void latency(long value) {
      if (count == nanos.length) {
        nanos = java.util.Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = value;
    }
  }
}
