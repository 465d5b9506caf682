package org.movierec.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingListener.TrainingStart;
import org.movierec.core.training.TrainingSummary;

class ProgressListenerTest {

  private static String run(boolean interactive) {
    StringWriter err = new StringWriter();
    ProgressListener listener =
        new ProgressListener(
            new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), interactive));
    listener.onTrainingStart(new TrainingStart("djl", "PyTorch 1.13.1", "cpu()", 900, 100, 2, 4));
    for (int epoch = 1; epoch <= 2; epoch++) {
      for (int batch = 1; batch <= 4; batch++) {
        listener.onBatchEnd(epoch, batch, 4, 1.5);
      }
      listener.onEpochEnd(new EpochReport(epoch, 2, 1.5, 1.2, 0.001, 900, 0.5, epoch, 2 - epoch));
    }
    EpochReport last = new EpochReport(2, 2, 1.5, 1.2, 0.001, 900, 0.5, 1, 0);
    listener.onTrainingEnd(new TrainingSummary(2, 2, 1.0, 1800, List.of(last)));
    return err.toString();
  }

  @Test
  void plainOutput_notATerminal_printsOneLinePerEpochWithoutRedraws() {
    String output = run(false);
    assertThat(output).doesNotContain("\r").doesNotContain("#");
    assertThat(output.lines())
        .containsExactly(
            "training backend djl on PyTorch 1.13.1 (cpu()): 900 ratings, 100 for validation,"
                + " up to 2 epochs",
            "epoch 1/2  loss 1.5000  validation RMSE 1.2000  0.5s  1,800 ratings/s  eta 1s",
            "epoch 2/2  loss 1.5000  validation RMSE 1.2000  0.5s  1,800 ratings/s  eta 0s",
            "trained 2 epochs in 1.0s (1,800 ratings/s), keeping epoch 2");
  }

  @Test
  void plainOutput_epochOfMinutes_addsALineEveryFifteenSecondsWithRateAndEta() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    ProgressListener listener =
        new ProgressListener(
            new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), false),
            () -> now[0]);
    listener.onTrainingStart(new TrainingStart("djl", "PyTorch 1.13.1", "cpu()", 1000, 0, 1, 10));
    for (int batch = 1; batch <= 10; batch++) {
      now[0] += 4_000_000_000L;
      listener.onBatchEnd(1, batch, 10, 0.75);
    }

    assertThat(err.toString().lines().skip(1))
        .containsExactly(
            "epoch 1/1  batch 5/10 (50%)  loss 0.7500  25 ratings/s  epoch eta 20s",
            "epoch 1/1  batch 9/10 (90%)  loss 0.7500  25 ratings/s  epoch eta 4s");
  }

  @Test
  void barOutput_longEpoch_showsRateAndEtaInTheBar() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    ProgressListener listener =
        new ProgressListener(
            new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), true),
            () -> now[0]);
    listener.onTrainingStart(
        new TrainingStart("djl", "PyTorch 1.13.1", "cpu()", 22_500_000, 0, 1, 87_891));
    for (int batch = 1; batch <= 3; batch++) {
      now[0] += 2_000_000_000L;
      listener.onBatchEnd(1, batch, 87_891, 0.9);
    }

    assertThat(err.toString())
        .contains(
            "\repoch 1/1 [------------------------------]   0% loss 0.9000  128 ratings/s"
                + "  epoch eta 48h49m");
  }

  @Test
  void duration_readsAsSecondsMinutesOrHours() {
    assertThat(ProgressListener.duration(59.4)).isEqualTo("59s");
    assertThat(ProgressListener.duration(125)).isEqualTo("2m05s");
    assertThat(ProgressListener.duration(7500)).isEqualTo("2h05m");
  }

  @Test
  void barOutput_onATerminal_redrawsABarThenKeepsTheEpochLine() {
    String output = run(true);
    assertThat(output).contains("\repoch 1/2 [").contains("100%").contains("#".repeat(30));
    assertThat(output).contains("epoch 2/2  loss 1.5000");
  }
}
