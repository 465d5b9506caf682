package org.movierec.app.cli;

import org.movierec.core.config.ConfigException;
import org.movierec.data.BadLinePolicy;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import picocli.CommandLine.Option;

/** How commands that read ratings read them: the layout and what to do with bad lines. */
final class DataOptions {

  @Option(
      names = "--format",
      paramLabel = "LAYOUT",
      description = "ml-100k, ml-1m (also ml-10m) or csv; detected from the files when omitted")
  String format;

  @Option(
      names = "--on-bad-line",
      paramLabel = "POLICY",
      description = "fail (the default) at the first bad line, or skip and count bad lines")
  String onBadLine;

  /**
   * The read options these flags ask for.
   *
   * @throws ConfigException naming the flag, the value and what is allowed
   */
  ReadOptions readOptions() {
    ReadOptions.Builder builder = ReadOptions.builder();
    try {
      if (format != null) {
        builder.optLayout(Layout.parse(format));
      }
      if (onBadLine != null) {
        builder.optOnBadLine(BadLinePolicy.parse(onBadLine));
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          (format != null && e.getMessage().contains("layout") ? "--format" : "--on-bad-line")
              + ": "
              + e.getMessage());
    }
    return builder.build();
  }
}
