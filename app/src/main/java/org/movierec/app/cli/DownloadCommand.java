package org.movierec.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.output.JsonPrinter;
import org.movierec.data.CacheDirectory;
import org.movierec.data.download.DatasetDownloader;
import org.movierec.data.download.DownloadListener;
import org.movierec.data.download.DownloadResult;
import org.movierec.data.download.KnownDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code movierec download}: fetches an official MovieLens archive into the cache. */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = {
      "Download an official MovieLens dataset from GroupLens into the cache directory, verify"
          + " its size and the MD5 checksum GroupLens publishes beside it, unpack it atomically,"
          + " and print where it is and the license terms. A dataset already in the cache is not"
          + " downloaded again.",
      "Datasets: ml-100k, ml-1m, ml-25m, ml-32m, ml-latest-small. The cache directory is"
          + " --cache, else the movierec.cache property or MOVIEREC_CACHE, else"
          + " ~/.cache/movierec."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec download ml-100k",
      "  movierec train --data ~/.cache/movierec/ml-100k --preset seed --model seed.mrec",
      "  movierec download ml-25m --cache /data/movielens --json"
    })
final class DownloadCommand extends BaseCommand {

  private static final int STEPS = 10;

  @Parameters(paramLabel = "NAME", description = "the dataset to download")
  String name;

  @Option(names = "--cache", paramLabel = "DIR", description = "the cache directory")
  Path cache;

  @Option(
      names = "--mirror",
      paramLabel = "URL",
      description = "a server laid out like GroupLens' to download from instead")
  URI mirror;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    KnownDataset dataset;
    try {
      dataset = KnownDataset.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    DatasetDownloader downloader =
        mirror == null ? new DatasetDownloader() : new DatasetDownloader(mirror);
    Path directory = cache == null ? CacheDirectory.defaultPath() : cache;
    DownloadResult result =
        downloader.download(dataset, directory, new Progress(spec.commandLine().getErr()));
    if (json) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("dataset", result.dataset().id());
      object.put("directory", result.directory().toString());
      object.put("already_present", result.alreadyPresent());
      object.put("archive_bytes", result.archiveBytes());
      object.put("md5", result.md5());
      object.put("license", result.licenseNotice());
      injector(ConfigRequest.defaults()).getInstance(JsonPrinter.class).print(object);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "%s %s %s%s%n",
          result.dataset().id(),
          result.alreadyPresent() ? "was already in" : "installed in",
          result.directory(),
          result.alreadyPresent()
              ? ""
              : String.format(
                  Locale.ROOT,
                  " (%,d bytes, MD5 %s verified)",
                  result.archiveBytes(),
                  result.md5()));
      out.println(result.licenseNotice());
      out.flush();
    }
    return 0;
  }

  /** Prints how far the download got, in tenths, on stderr. */
  private static final class Progress implements DownloadListener {
    private final PrintWriter err;
    private int shown;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(long receivedBytes, long totalBytes) {
      if (totalBytes <= 0) {
        return;
      }
      int step = (int) (STEPS * receivedBytes / totalBytes);
      if (step > shown) {
        shown = step;
        err.printf(
            Locale.ROOT,
            "downloaded %,d of %,d bytes (%d%%)%n",
            receivedBytes,
            totalBytes,
            step * 10);
        err.flush();
      }
    }
  }
}
