package org.movierec.spark.job;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point {@code spark-submit} runs: {@code recommend} writes every user's top-N as
 * Parquet, {@code evaluate} measures a model on a test set, {@code compare} sets it side by side
 * with Spark MLlib's ALS. Without a master from {@code spark-submit} it runs in {@code local[*]}.
 */
@Command(
    name = "movierec-spark",
    mixinStandardHelpOptions = true,
    versionProvider = SparkJob.Version.class,
    description = "Batch recommendation and evaluation of movierec models on Apache Spark.",
    subcommands = {RecommendJobCommand.class, EvaluateJobCommand.class, CompareCommand.class})
public final class SparkJob implements Runnable {

  private SparkJob() {}

  /** Runs a command and exits with its status: 0 on success, 1 on failure, 2 on bad usage. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command, printing results to {@code out} and one-line errors to {@code err}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new SparkJob());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, line, parsed) -> {
          boolean verbose = parsed.hasMatchedOption("--verbose");
          line.getErr().println("movierec-spark: error: " + JobFailures.describe(exception));
          if (verbose) {
            exception.printStackTrace(line.getErr());
          } else {
            line.getErr().println("(run with --verbose for the stack trace)");
          }
          return 1;
        });
    return commandLine.execute(args);
  }

  /** The version of the job jar, from its manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SparkJob.class.getPackage().getImplementationVersion();
      return new String[] {"movierec-spark " + (version == null ? "(not from a jar)" : version)};
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "name a command: recommend, evaluate or compare");
  }
}
