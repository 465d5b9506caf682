package org.movierec.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.movierec.app.bench.LoadRequests.Kind;
import org.movierec.app.bench.LoadResult.Latencies;

/**
 * What an HTTP load test measured.
 *
 * @param url the server's base address
 * @param threads concurrent clients
 * @param seconds wall time of the load
 * @param endpoints per endpoint: requests, errors, mismatches and latencies
 * @param answersByVersion how many answers each model version gave
 * @param reloadsMade reloads sent during the load
 * @param reloadsFailed reloads that did not answer 200
 * @param reloadFailures the first few reload failures
 * @param firstErrors the first few request errors or mismatches
 * @param memory the server's heap over time
 */
public record HttpLoadResult(
    String url,
    int threads,
    double seconds,
    List<Endpoint> endpoints,
    Map<String, Long> answersByVersion,
    int reloadsMade,
    int reloadsFailed,
    List<String> reloadFailures,
    List<String> firstErrors,
    List<ServerMemory.Sample> memory) {

  /**
   * One endpoint's figures.
   *
   * @param endpoint method and path template
   * @param requests requests sent
   * @param errors requests that failed: transport error, a status other than 200, or no JSON
   * @param mismatches answers that differed from the library's answer of their model version
   * @param unknownVersions answers naming a model version that none of the files has
   * @param latency latency percentiles over answered requests
   */
  public record Endpoint(
      String endpoint,
      long requests,
      long errors,
      long mismatches,
      long unknownVersions,
      Latencies latency) {}

  /** Requests per second over all endpoints. */
  public double requestsPerSecond() {
    return seconds > 0 ? endpoints.stream().mapToLong(Endpoint::requests).sum() / seconds : 0;
  }

  /** Tells whether every request succeeded with the library's answer of a known model. */
  public boolean clean() {
    return reloadsFailed == 0
        && endpoints.stream()
            .allMatch(e -> e.errors() == 0 && e.mismatches() == 0 && e.unknownVersions() == 0);
  }

  /**
   * The server's heap over the run in one line: the range in use, low point to high point, in the
   * first and in the last fifth of the samples, and the old generation at the first and last
   * sample; a leak shows as a higher low point and a growing old generation at the end.
   */
  public String memorySummary() {
    if (memory.size() < 2) {
      return "server heap: too few /metrics samples (" + memory.size() + ")";
    }
    int fifth = Math.max(1, memory.size() / 5);
    List<ServerMemory.Sample> first = memory.subList(0, fifth);
    List<ServerMemory.Sample> last = memory.subList(memory.size() - fifth, memory.size());
    double oldFirst = memory.get(0).oldGenBytes();
    double oldLast = memory.get(memory.size() - 1).oldGenBytes();
    return String.format(
        Locale.ROOT,
        "server heap in use: %s MiB over the first %d samples, %s MiB over the last %d (%d samples,"
            + " one a second)%s",
        range(first),
        first.size(),
        range(last),
        last.size(),
        memory.size(),
        oldFirst < 0 || oldLast < 0
            ? ""
            : "; old generation " + mebibytes(oldFirst) + " -> " + mebibytes(oldLast) + " MiB");
  }

  private static String range(List<ServerMemory.Sample> samples) {
    double min = samples.stream().mapToDouble(ServerMemory.Sample::heapUsedBytes).min().orElse(0);
    double max = samples.stream().mapToDouble(ServerMemory.Sample::heapUsedBytes).max().orElse(0);
    return mebibytes(min) + ".." + mebibytes(max);
  }

  private static String mebibytes(double bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576);
  }

  static HttpLoadResult of(
      HttpLoadTest.Settings settings,
      double seconds,
      List<HttpLoadTest.Worker> workers,
      HttpLoadTest.Reloads reloads,
      List<ServerMemory.Sample> memory) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      long requests = 0;
      long errors = 0;
      long mismatches = 0;
      long unknown = 0;
      LongStream.Builder nanos = LongStream.builder();
      for (HttpLoadTest.Worker worker : workers) {
        HttpLoadTest.Tally tally = worker.tallies.get(kind);
        requests += tally.requests;
        errors += tally.errors;
        mismatches += tally.mismatches;
        unknown += tally.unknownVersions;
        for (int i = 0; i < tally.count; i++) {
          nanos.add(tally.nanos[i]);
        }
      }
      long[] all = nanos.build().toArray();
      endpoints.add(
          new Endpoint(kind.endpoint, requests, errors, mismatches, unknown, Latencies.of(all)));
    }
    Map<String, Long> versions = new TreeMap<>();
    List<String> firstErrors = new ArrayList<>();
    for (HttpLoadTest.Worker worker : workers) {
      worker.versions.forEach((version, count) -> versions.merge(version, count, Long::sum));
      for (String error : worker.firstErrors) {
        if (firstErrors.size() < 5) {
          firstErrors.add(error);
        }
      }
    }
    return new HttpLoadResult(
        settings.base().toString(),
        settings.threads(),
        seconds,
        endpoints,
        versions,
        reloads.made(),
        reloads.failed(),
        reloads.failures(),
        firstErrors,
        memory);
  }
}
