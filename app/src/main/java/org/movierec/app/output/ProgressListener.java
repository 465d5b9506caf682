package org.movierec.app.output;

import java.io.PrintWriter;
import java.util.Locale;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;

/**
 * Shows training progress on the console's error stream: a redrawn bar per epoch when it is a
 * terminal, one plain line per epoch otherwise, so logs and pipes stay readable.
 */
public final class ProgressListener implements TrainingListener {

  private static final int BAR_WIDTH = TaskProgress.BAR_WIDTH;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean interactive;
  private int batchesPerEpoch;
  private int epochs;
  private long lastDraw;

  ProgressListener(Console console) {
    this.err = console.err();
    this.interactive = console.interactive();
  }

  @Override
  public void onTrainingStart(TrainingStart start) {
    batchesPerEpoch = start.batchesPerEpoch();
    epochs = start.epochs();
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
    if (!interactive) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && batch < batches) {
      return;
    }
    lastDraw = now;
    int total = Math.max(1, batches > 0 ? batches : batchesPerEpoch);
    err.printf(
        Locale.ROOT,
        "\repoch %d/%d [%s] %3d%% loss %.4f",
        epoch,
        epochs,
        TaskProgress.bar(batch, total),
        100L * Math.min(batch, total) / total,
        loss);
    err.flush();
  }

  @Override
  public void onEpochEnd(EpochReport report) {
    if (interactive) {
      err.print("\r" + " ".repeat(BAR_WIDTH + 40) + "\r");
    }
    err.printf(
        Locale.ROOT,
        "epoch %d/%d  loss %.4f%s  %.1fs  %,.0f ratings/s  eta %.0fs%n",
        report.epoch(),
        report.epochs(),
        report.trainLoss(),
        report.hasValidation()
            ? String.format(Locale.ROOT, "  validation RMSE %.4f", report.validationRmse())
            : "",
        report.epochSeconds(),
        report.samplesPerSecond(),
        report.etaSeconds());
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
}
