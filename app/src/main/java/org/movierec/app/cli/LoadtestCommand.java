package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.bench.HttpLoadResult;
import org.movierec.app.bench.HttpLoadTest;
import org.movierec.app.config.CommandConfig;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.output.JsonPrinter;
import org.movierec.core.config.ConfigException;
import org.movierec.server.ServerKeys;
import org.movierec.server.model.ServedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec loadtest}: drives a running server over HTTP and checks every answer. */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test a movierec server on this machine: many clients call its recommendations,"
          + " rating, batch and fold-in endpoints for a bounded time and number of requests; every answer"
          + " must equal the library's answer of the model file whose version it names.",
      "With --reload-every the server is reloaded at that interval, alternating between the"
          + " --model files (the admin_token comes from --config). Prints throughput, p50/p99 per"
          + " endpoint, errors and the server's heap; exits 1 on any error or mismatch."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec loadtest --url http://127.0.0.1:8080/ --model seed.mrec",
      "  movierec loadtest --url http://127.0.0.1:8080/ --model a.mrec --model b.mrec"
          + " --threads 64 --duration 60 --reload-every 1000 --config serve.properties"
    })
final class LoadtestCommand extends BaseCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "URL",
      description = "the server's address on this machine, e.g. http://127.0.0.1:8080/")
  URI url;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "a model file the server serves or is reloaded to; repeatable")
  List<Path> models;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "16",
      description = "concurrent clients, 1..256 (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "how long the load lasts, 1..600 (default ${DEFAULT-VALUE})")
  int duration;

  @Option(
      names = "--max-requests",
      paramLabel = "N",
      defaultValue = "10000000",
      description = "stop after this many requests even before the time is up")
  long maxRequests;

  @Option(
      names = "--reload-every",
      paramLabel = "MS",
      defaultValue = "0",
      description = "reload the server every MS milliseconds, alternating the --model files")
  long reloadEvery;

  @Option(
      names = "--mix",
      paramLabel = "R,P,B,F",
      split = ",",
      defaultValue = "5,4,1,1",
      description =
          "weights of top-N requests, single ratings, batches of 20 pairs and new users folded in"
              + " from 5 ratings (default ${DEFAULT-VALUE})")
  List<Integer> mix;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "N of top-N")
  int top;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    checkArguments();
    CommandConfig config = ConfigResolver.resolve(configOptions.request(), ServerKeys.ALL);
    Optional<String> token =
        Optional.ofNullable((String) config.commandValues().get(ServerKeys.ADMIN_TOKEN))
            .filter(value -> !value.isEmpty());
    if (reloadEvery > 0 && token.isEmpty()) {
      throw new ConfigException(
          "--reload-every needs the server's admin_token: pass the server's file with --config");
    }
    Injector injector = Wiring.injector(console(), config.effective(), readOptions());
    ModelLoader loader = injector.getInstance(ModelLoader.class);
    List<ServedModel> library = new ArrayList<>();
    try {
      for (Path model : models) {
        library.add(ServedModel.load(model, loader::load, Instant.now(), 0));
      }
      HttpLoadResult result =
          HttpLoadTest.run(
              new HttpLoadTest.Settings(
                  base(),
                  threads,
                  Duration.ofSeconds(duration),
                  maxRequests,
                  Duration.ofMillis(reloadEvery),
                  models,
                  token),
              library,
              top,
              mix.stream().mapToInt(Integer::intValue).toArray());
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clean", result.clean());
        out.put("requests_per_second", result.requestsPerSecond());
        out.put("memory_summary", result.memorySummary());
        out.put("result", result);
        injector.getInstance(JsonPrinter.class).print(out);
      } else {
        print(spec.commandLine().getOut(), result, library);
      }
      if (!result.clean()) {
        spec.commandLine().getErr().println("movierec loadtest: some requests failed or differed");
      }
      return result.clean() ? 0 : 1;
    } finally {
      library.forEach(served -> served.model().close());
    }
  }

  private void checkArguments() {
    if (threads < 1 || threads > 256 || duration < 1 || duration > 600 || maxRequests < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--threads must be in 1..256, --duration in 1..600, --max-requests >= 1");
    }
    if (mix.size() != 4
        || mix.stream().anyMatch(w -> w < 0)
        || mix.stream().mapToInt(w -> w).sum() == 0) {
      throw new ParameterException(
          spec.commandLine(), "--mix takes four weights >= 0, not all 0, e.g. 5,4,1,1");
    }
    if (top < 1 || reloadEvery < 0) {
      throw new ParameterException(
          spec.commandLine(), "--top must be >= 1 and --reload-every >= 0");
    }
    if (!"http".equals(url.getScheme()) || url.getHost() == null) {
      throw new ParameterException(
          spec.commandLine(), "--url must be an http address such as http://127.0.0.1:8080/");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(url.getHost());
    } catch (UnknownHostException e) {
      throw new ParameterException(
          spec.commandLine(), "--url names host " + url.getHost() + ", which does not resolve");
    }
    if (!address.isLoopbackAddress()) {
      throw new ParameterException(
          spec.commandLine(),
          "--url must name this machine (127.0.0.1, ::1 or localhost): loadtest sends load to"
              + " local servers only, got "
              + url.getHost());
    }
  }

  /** The base address with a trailing slash, so that relative paths resolve under it. */
  private URI base() {
    String text = url.toString();
    return URI.create(text.endsWith("/") ? text : text + "/");
  }

  private static void print(PrintWriter out, HttpLoadResult r, List<ServedModel> library) {
    out.printf(
        Locale.ROOT,
        "%s: %d clients for %.1f s, %,.0f requests/s%n",
        r.url(),
        r.threads(),
        r.seconds(),
        r.requestsPerSecond());
    out.printf(
        Locale.ROOT,
        "%-44s %10s %9s %9s %9s %7s %10s%n",
        "endpoint",
        "requests",
        "p50 ms",
        "p99 ms",
        "max ms",
        "errors",
        "mismatches");
    for (HttpLoadResult.Endpoint e : r.endpoints()) {
      out.printf(
          Locale.ROOT,
          "%-44s %,10d %9s %9s %9s %7d %10d%n",
          e.endpoint(),
          e.requests(),
          millis(e.latency().p50Micros()),
          millis(e.latency().p99Micros()),
          millis(e.latency().maxMicros()),
          e.errors(),
          e.mismatches() + e.unknownVersions());
    }
    out.print("answers by model version:");
    for (ServedModel served : library) {
      out.printf(
          Locale.ROOT,
          " %s (%s) %,d;",
          served.version().substring(0, 12),
          served.file().getFileName(),
          r.answersByVersion().getOrDefault(served.version(), 0L));
    }
    out.println();
    if (r.reloadsMade() > 0) {
      out.printf("reloads: %d made, %d failed%n", r.reloadsMade(), r.reloadsFailed());
      r.reloadFailures().forEach(failure -> out.println("  reload failed: " + failure));
    }
    out.println(r.memorySummary());
    r.firstErrors().forEach(error -> out.println("  first errors: " + error));
    out.flush();
  }

  private static String millis(double micros) {
    return Double.isNaN(micros) ? "-" : String.format(Locale.ROOT, "%.2f", micros / 1000);
  }
}
