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
  void barOutput_onATerminal_redrawsABarThenKeepsTheEpochLine() {
    String output = run(true);
    assertThat(output).contains("\repoch 1/2 [").contains("100%").contains("#".repeat(30));
    assertThat(output).contains("epoch 2/2  loss 1.5000");
  }
}
