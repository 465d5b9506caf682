package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.data.DatasetStats;
import org.movierec.app.output.JsonPrinter;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec stats}: what a dataset holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "Count a dataset's ratings, users and movies, and show its rating scale and histogram,"
            + " time range, density and the lines skipped while reading it.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec stats --data ml-100k",
      "  movierec stats --data ratings.csv --on-bad-line skip --json",
      "  movierec stats --data sample"
    })
final class StatsCommand extends BaseCommand {

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "a dataset directory or ratings file, or 'sample'")
  Path data;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  ReadOptions readOptions() {
    return dataOptions.readOptions();
  }

  @Override
  public Integer call() throws Exception {
    Injector injector = injector(ConfigRequest.defaults());
    ReadResult result = readResult(injector.getInstance(DatasetSource.class), data);
    DatasetStats stats = DatasetStats.of(result.dataset());
    if (json) {
      Map<String, Object> object = new LinkedHashMap<>(stats.toJson());
      object.put("layout", result.report().layout().id());
      object.put("files", result.report().files().stream().map(Path::toString).toList());
      object.put("catalog_movies", result.dataset().catalog().size());
      object.put("skipped_lines", result.report().skippedLines());
      Map<String, Long> skipped = new LinkedHashMap<>();
      result.report().skipped().forEach((problem, count) -> skipped.put(problem.label(), count));
      object.put("skipped", skipped);
      injector.getInstance(JsonPrinter.class).print(object);
    } else {
      print(spec.commandLine().getOut(), stats, result);
    }
    return 0;
  }

  private static void print(PrintWriter out, DatasetStats stats, ReadResult result) {
    out.printf(
        Locale.ROOT,
        "%s (%s layout)%n",
        result.report().files().get(0),
        result.report().layout().id());
    out.printf(
        Locale.ROOT,
        "%,d ratings by %,d users on %,d movies (density %.4f%%), %,d movies with titles%n",
        stats.ratings(),
        stats.users(),
        stats.movies(),
        100 * stats.density(),
        result.dataset().catalog().size());
    out.printf(Locale.ROOT, "scale %s, mean rating %.3f%n", stats.scale(), stats.meanRating());
    long largest = stats.histogram().values().stream().mapToLong(Long::longValue).max().orElse(1);
    stats
        .histogram()
        .forEach(
            (rating, count) ->
                out.printf(
                    Locale.ROOT,
                    "  %4s %9d %s%n",
                    rating,
                    count,
                    "#".repeat((int) Math.round(40.0 * count / largest))));
    if (stats.ratings() > 0) {
      out.printf(
          "from %s to %s%n",
          Instant.ofEpochSecond(stats.firstTime()), Instant.ofEpochSecond(stats.lastTime()));
    }
    out.printf(
        "skipped lines: %d (%s)%n",
        result.report().skippedLines(), result.report().skippedSummary());
    out.flush();
  }
}
