package org.movierec.app.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;

/**
 * Shows training progress on the console's error stream: a redrawn bar per epoch when it is a
 * terminal, one plain line per epoch otherwise, so logs and pipes stay readable. Within an epoch
 * both show the ratings per second and the time left in the epoch, so that a long epoch (minutes on
 * MovieLens 25M) is never silent: the bar redraws ten times a second, and plain output adds a line
 * every {@value #PLAIN_EVERY_SECONDS} seconds of an epoch that lasts that long.
 */
public final class ProgressListener implements TrainingListener {

  /** Seconds between two in-epoch lines of plain output. */
  static final int PLAIN_EVERY_SECONDS = 15;

  private static final int BAR_WIDTH = TaskProgress.BAR_WIDTH;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long PLAIN_EVERY_NANOS = PLAIN_EVERY_SECONDS * 1_000_000_000L;

  private final PrintWriter err;
  private final boolean interactive;
  private final LongSupplier nanoClock;
  private int batchesPerEpoch;
  private int epochs;
  private long trainRatings;
  private long lastDraw;
  private int drawnWidth;
  private long firstBatchEnd;
  private long lastPlainLine;

  ProgressListener(Console console) {
    this(console, System::nanoTime);
  }

  /** A listener reading time from {@code nanoClock}, as {@link System#nanoTime()} counts. */
  ProgressListener(Console console, LongSupplier nanoClock) {
    this.err = console.err();
    this.interactive = console.interactive();
    this.nanoClock = nanoClock;
  }

  @Override
  public void onTrainingStart(TrainingStart start) {
    batchesPerEpoch = start.batchesPerEpoch();
    epochs = start.epochs();
    trainRatings = start.trainRatings();
    err.printf(
        Locale.ROOT,
        "training backend %s on %s (%s): %,d ratings, %,d for validation, up to %d epochs%n",
        start.backend(),
        start.engine(),
        start.device(),
        start.trainRatings(),
        start.validationRatings(),
        start.epochs());
    err.flush();
  }

  @Override
  public void onBatchEnd(int epoch, int batch, int batches, double loss) {
    long now = nanoClock.getAsLong();
    int total = Math.max(1, batches > 0 ? batches : batchesPerEpoch);
    int done = Math.min(batch, total);
    if (batch == 1) {
      firstBatchEnd = now;
      lastPlainLine = now;
    }
    if (interactive) {
      if (now - lastDraw < REDRAW_NANOS && batch < batches) {
        return;
      }
      lastDraw = now;
      String line =
          String.format(
              Locale.ROOT,
              "epoch %d/%d [%s] %3d%% loss %.4f%s",
              epoch,
              epochs,
              TaskProgress.bar(done, total),
              100L * done / total,
              loss,
              rateAndEta(now, done, total));
      drawnWidth = Math.max(drawnWidth, line.length());
      err.print("\r" + line);
      err.flush();
    } else if (now - lastPlainLine >= PLAIN_EVERY_NANOS && batch < batches) {
      lastPlainLine = now;
      err.printf(
          Locale.ROOT,
          "epoch %d/%d  batch %,d/%,d (%d%%)  loss %.4f%s%n",
          epoch,
          epochs,
          done,
          total,
          100L * done / total,
          loss,
          rateAndEta(now, done, total));
      err.flush();
    }
  }

  /**
   * The training ratings per second since the end of the epoch's first batch, and the time the
   * epoch's remaining batches take at that rate; empty until a rate can be measured.
   */
  private String rateAndEta(long now, int done, int total) {
    double seconds = (now - firstBatchEnd) / 1e9;
    if (done <= 1 || seconds <= 0) {
      return "";
    }
    double perBatch = (double) trainRatings / total;
    double ratingsPerSecond = (done - 1) * perBatch / seconds;
    double left = (total - done) * perBatch / ratingsPerSecond;
    return String.format(
        Locale.ROOT, "  %,.0f ratings/s  epoch eta %s", ratingsPerSecond, duration(left));
  }

  @Override
  public void onEpochEnd(EpochReport report) {
    if (interactive) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
    }
    err.printf(
        Locale.ROOT,
        "epoch %d/%d  loss %.4f%s%s  %.1fs  %,.0f ratings/s  eta %s%n",
        report.epoch(),
        report.epochs(),
        report.trainLoss(),
        report.hasValidation()
            ? String.format(Locale.ROOT, "  validation RMSE %.4f", report.validationRmse())
            : "",
        report.hasValidationNdcg()
            ? String.format(Locale.ROOT, "  validation NDCG@10 %.4f", report.validationNdcg())
            : "",
        report.epochSeconds(),
        report.samplesPerSecond(),
        duration(report.etaSeconds()));
    err.flush();
  }

  @Override
  public void onTrainingEnd(TrainingSummary summary) {
    err.printf(
        Locale.ROOT,
        "trained %d epochs in %.1fs (%,.0f ratings/s), keeping epoch %d%n",
        summary.epochsRun(),
        summary.trainSeconds(),
        summary.samplesPerSecond(),
        summary.bestEpoch());
    err.flush();
  }

  /** Seconds as {@code 42s}, {@code 3m07s} or {@code 2h05m}. */
  static String duration(double seconds) {
    long whole = Math.round(Math.max(0, seconds));
    if (whole < 60) {
      return whole + "s";
    }
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", whole / 3600, whole % 3600 / 60);
  }
}
