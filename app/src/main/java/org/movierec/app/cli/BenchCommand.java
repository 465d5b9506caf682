package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.bench.LoadResult;
import org.movierec.app.bench.LoadTest;
import org.movierec.app.output.JsonPrinter;
import org.movierec.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec bench}: a load test of one loaded model under concurrent callers. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test a saved model: many threads call predict and recommend at once for a bounded"
          + " number of calls; every answer is checked against the single-threaded one.",
      "Prints throughput, p50/p99 latency (and the calling thread's CPU time per list), memory,"
          + " the process's CPU time and the load average per thread count; exits 1 if any"
          + " answer differed or any call failed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec bench --model seed.mrec",
      "  movierec bench --model seed.mrec --threads 8,64 --calls 20000 --json"
    })
final class BenchCommand extends BaseCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Option(
      names = "--threads",
      split = ",",
      paramLabel = "N",
      defaultValue = "8,16,32,64",
      description = "thread counts to run, one level each (default ${DEFAULT-VALUE})")
  List<Integer> threads;

  @Option(
      names = "--calls",
      paramLabel = "N",
      defaultValue = "20000",
      description = "calls per thread at each level (default ${DEFAULT-VALUE})")
  int calls;

  @Option(
      names = "--recommend-every",
      paramLabel = "N",
      defaultValue = "20",
      description = "one call in N is a top-10 request, the others single predictions")
  int recommendEvery;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (calls < 1 || threads.stream().anyMatch(n -> n < 1 || n > 1024)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--calls must be >= 1 and --threads each in 1..1024");
    }
    Injector injector = injector(configOptions.request());
    List<LoadResult> results = new ArrayList<>();
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model)) {
      LoadTest test = new LoadTest(loaded, recommendEvery, 10, 1);
      test.run(Math.min(4, threads.get(0)), Math.min(calls, 2000));
      for (int level : threads) {
        LoadResult result = test.run(level, calls);
        results.add(result);
        if (!json) {
          print(spec.commandLine().getOut(), result);
        }
      }
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("model_file", model.toString());
      out.put("calls_per_thread", calls);
      out.put("levels", results);
      injector.getInstance(JsonPrinter.class).print(out);
    }
    boolean clean = results.stream().allMatch(r -> r.mismatches() == 0 && r.exceptions() == 0);
    if (!clean) {
      spec.commandLine().getErr().println("movierec: some answers differed or calls failed");
    }
    return clean ? 0 : 1;
  }

  private static void print(PrintWriter out, LoadResult r) {
    out.printf(
        Locale.ROOT,
        "%3d threads: %,9d calls in %6.2f s = %,10.0f calls/s | predict %s | top-10 %s caller CPU %s"
            + " | mismatches %d, exceptions %d | heap %+.1f MiB, rss %+.1f MiB"
            + " | process CPU %.2f s, load average %.2f-%.2f%n",
        r.threads(),
        r.calls(),
        r.seconds(),
        r.callsPerSecond(),
        latencies(r.predict()),
        latencies(r.recommend()),
        median(r.recommendCpu()),
        r.mismatches(),
        r.exceptions(),
        (r.heapAfterBytes() - r.heapBeforeBytes()) / 1048576.0,
        (r.rssAfterBytes() - r.rssBeforeBytes()) / 1048576.0,
        r.machine().processCpuSeconds(),
        r.machine().loadAverageBefore(),
        r.machine().loadAverageAfter());
    out.flush();
  }

  /** The p50 column of one kind of call; "-" when none was made, never NaN. */
  private static String median(LoadResult.Latencies latencies) {
    return latencies.count() == 0
        ? String.format(Locale.ROOT, "p50 %7s us", "-")
        : String.format(Locale.ROOT, "p50 %7.1f us", latencies.p50Micros());
  }

  /** The p50 and p99 columns of one kind of call; "-" when none was made, never NaN. */
  private static String latencies(LoadResult.Latencies latencies) {
    if (latencies.count() == 0) {
      return String.format(Locale.ROOT, "p50 %7s us p99 %7s us", "-", "-");
    }
    return String.format(
        Locale.ROOT, "p50 %7.1f us p99 %7.1f us", latencies.p50Micros(), latencies.p99Micros());
  }
}
