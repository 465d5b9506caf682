package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.output.JsonPrinter;
import org.movierec.data.ReadResult;
import org.movierec.data.stats.DatasetStats;
import picocli.CommandLine.Command;
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
final class StatsCommand extends DataCommand {

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "a dataset directory or ratings file, or 'sample'")
  Path data;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Injector injector = injector(ConfigRequest.defaults());
    ReadResult result = readResult(injector.getInstance(DatasetSource.class), data);
    DatasetStats stats = DatasetStats.of(result);
    if (json) {
      injector.getInstance(JsonPrinter.class).print(stats.toJsonMap());
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.println(result.report().files().get(0));
      out.print(stats.summary());
      out.flush();
    }
    return 0;
  }
}
