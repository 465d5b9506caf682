package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DjlLazyTableTest {

  private static final int ROWS = 6;
  private static final int DIM = 3;

  /** Gradient rows carry two extra columns on either side, as the input matrix does. */
  private static final int WIDTH = DIM + 4;

  private static final int OFFSET = 2;
  private static final double LR = 0.05;
  private static final double DECAY = 0.1;
  private static final double BETA1 = 0.8;
  private static final double BETA2 = 0.95;
  private static final double EPSILON = 0.05;

  @Test
  void update_adamTwoSteps_touchedRowsEqualHandComputedAdamOthersBitIdentical() {
    float[] start = randomValues(ROWS * DIM, 1);
    DjlLazyTable table = new DjlLazyTable(ROWS, DIM, start.clone(), true);
    HandLazyAdam expected = new HandLazyAdam(start);
    int[] first = {4, 1, 4};
    float[] firstGradient = randomValues(first.length * WIDTH, 2);
    int[] second = {1, 2};
    float[] secondGradient = randomValues(second.length * WIDTH, 3);

    assertThat(table.update(first, first.length, firstGradient, WIDTH, OFFSET, step(1)))
        .as("distinct rows of the first batch")
        .isEqualTo(2);
    expected.step(first, firstGradient, 1);
    float[] afterFirst = table.values().clone();
    float[] firstMomentsAfterFirst = table.firstMoments().clone();
    assertClose(table, expected, "after step 1");
    for (int row : new int[] {0, 2, 3, 5}) {
      assertRow(afterFirst, row).as("untouched row %d", row).containsExactly(row(start, row));
      assertRow(table.firstMoments(), row).containsOnly(0f);
      assertRow(table.secondMoments(), row).containsOnly(0f);
    }

    table.update(second, second.length, secondGradient, WIDTH, OFFSET, step(2));
    expected.step(second, secondGradient, 2);
    assertClose(table, expected, "after step 2");
    assertRow(table.values(), 4)
        .as("row 4, untouched by step 2, keeps its value")
        .containsExactly(row(afterFirst, 4));
    assertRow(table.firstMoments(), 4)
        .as("row 4's moments do not decay on a step that does not touch it")
        .containsExactly(row(firstMomentsAfterFirst, 4));
    for (int row : new int[] {0, 3, 5}) {
      assertRow(table.values(), row).containsExactly(row(start, row));
    }
  }

  @Test
  void beginApplyRowsFinish_sameAsUpdateBitForBit_rowsOfNextBatchUpdatedFirst() {
    float[] start = randomValues(ROWS * DIM, 6);
    int[] batch = {5, 0, 2, 5};
    float[] gradient = randomValues(batch.length * WIDTH, 7);
    DjlLazyTable whole = new DjlLazyTable(ROWS, DIM, start.clone(), true);
    DjlLazyTable split = new DjlLazyTable(ROWS, DIM, start.clone(), true);
    whole.update(batch, batch.length, gradient, WIDTH, OFFSET, step(3));

    assertThat(split.begin(batch, batch.length, gradient, WIDTH, OFFSET, step(3))).isEqualTo(3);
    assertThat(split.values()).as("begin changes no row").containsExactly(start);
    Arrays.fill(gradient, Float.NaN);
    split.applyRows(new int[] {1, 2, 2, 4}, 4);
    assertRow(split.values(), 2).as("row 2, read next").containsExactly(row(whole.values(), 2));
    assertRow(split.values(), 5).as("row 5, not read next").containsExactly(row(start, 5));
    split.finish();

    assertThat(split.values()).containsExactly(whole.values());
    assertThat(split.firstMoments()).containsExactly(whole.firstMoments());
    assertThat(split.secondMoments()).containsExactly(whole.secondMoments());
  }

  @Test
  void begin_previousStepNotFinished_refused() {
    DjlLazyTable table = new DjlLazyTable(ROWS, DIM, randomValues(ROWS * DIM, 8), true);
    float[] gradient = randomValues(WIDTH, 9);
    table.begin(new int[] {1}, 1, gradient, WIDTH, OFFSET, step(1));

    assertThatThrownBy(() -> table.begin(new int[] {2}, 1, gradient, WIDTH, OFFSET, step(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the previous step is not finished");
  }

  @Test
  void update_duplicateRowsInBatch_sameAsOneRowWithSummedGradient() {
    float[] start = randomValues(ROWS * DIM, 4);
    float[] twice = randomValues(2 * WIDTH, 5);
    float[] summed = new float[WIDTH];
    for (int k = 0; k < DIM; k++) {
      summed[OFFSET + k] = twice[OFFSET + k] + twice[WIDTH + OFFSET + k];
    }
    DjlLazyTable duplicated = new DjlLazyTable(ROWS, DIM, start.clone(), true);
    DjlLazyTable once = new DjlLazyTable(ROWS, DIM, start.clone(), true);

    duplicated.update(new int[] {3, 3}, 2, twice, WIDTH, OFFSET, step(1));
    once.update(new int[] {3}, 1, summed, WIDTH, OFFSET, step(1));

    assertThat(duplicated.values()).containsExactly(once.values());
    assertThat(duplicated.secondMoments()).containsExactly(once.secondMoments());
  }

  @Test
  void update_sgd_touchedRowsStepWithDecayOthersUnchanged() {
    float[] start = randomValues(ROWS * DIM, 6);
    DjlLazyTable table = new DjlLazyTable(ROWS, DIM, start.clone(), false);
    int[] batch = {5, 0, 5};
    float[] gradient = randomValues(batch.length * WIDTH, 7);

    table.update(batch, batch.length, gradient, WIDTH, OFFSET, step(1));

    for (int k = 0; k < DIM; k++) {
      double g5 = gradient[OFFSET + k] + gradient[2 * WIDTH + OFFSET + k];
      assertThat((double) table.values()[5 * DIM + k])
          .isCloseTo(start[5 * DIM + k] - LR * (g5 + DECAY * start[5 * DIM + k]), within(1e-6));
      double g0 = gradient[WIDTH + OFFSET + k];
      assertThat((double) table.values()[k])
          .isCloseTo(start[k] - LR * (g0 + DECAY * start[k]), within(1e-6));
    }
    for (int row = 1; row < 5; row++) {
      assertRow(table.values(), row).containsExactly(row(start, row));
    }
    assertThat(table.firstMoments()).isEmpty();
  }

  @Test
  void gather_copiesEachRowToItsPlaceInTheInputMatrix() {
    float[] values = randomValues(ROWS * DIM, 8);
    DjlLazyTable table = new DjlLazyTable(ROWS, DIM, values.clone(), true);
    float[] input = new float[3 * WIDTH];

    table.gather(new int[] {2, 0, 2}, 3, FloatBuffer.wrap(input), WIDTH, OFFSET);

    int[] rows = {2, 0, 2};
    for (int p = 0; p < rows.length; p++) {
      assertThat(Arrays.copyOfRange(input, p * WIDTH + OFFSET, p * WIDTH + OFFSET + DIM))
          .containsExactly(row(values, rows[p]));
      assertThat(input[p * WIDTH]).isZero();
      assertThat(input[p * WIDTH + OFFSET + DIM]).isZero();
    }
  }

  @Test
  void create_valuesNotFillingTable_refused() {
    assertThatThrownBy(() -> new DjlLazyTable(3, 2, new float[5], true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5 values do not fill a table of 3 x 2");
  }

  /**
   * torch.optim.Adam with L2 decay, per row, in double precision: a row's moments advance only on
   * the steps that touch it, its duplicate gradients are summed, and bias correction uses the
   * global step.
   */
  private static final class HandLazyAdam {
    final double[] values;
    final double[] first = new double[ROWS * DIM];
    final double[] second = new double[ROWS * DIM];

    HandLazyAdam(float[] start) {
      values = new double[start.length];
      for (int i = 0; i < start.length; i++) {
        values[i] = start[i];
      }
    }

    void step(int[] rows, float[] gradient, int step) {
      double[] summed = new double[ROWS * DIM];
      boolean[] touched = new boolean[ROWS];
      for (int p = 0; p < rows.length; p++) {
        touched[rows[p]] = true;
        for (int k = 0; k < DIM; k++) {
          summed[rows[p] * DIM + k] += gradient[p * WIDTH + OFFSET + k];
        }
      }
      double correction1 = 1 - Math.pow(BETA1, step);
      double correction2 = 1 - Math.pow(BETA2, step);
      for (int row = 0; row < ROWS; row++) {
        if (!touched[row]) {
          continue;
        }
        for (int k = 0; k < DIM; k++) {
          int i = row * DIM + k;
          double g = summed[i] + DECAY * values[i];
          first[i] = BETA1 * first[i] + (1 - BETA1) * g;
          second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
          double denominator = Math.sqrt(second[i]) / Math.sqrt(correction2) + EPSILON;
          values[i] -= LR * first[i] / correction1 / denominator;
        }
      }
    }
  }

  private static DjlLazyTable.Step step(long step) {
    return new DjlLazyTable.Step(LR, DECAY, BETA1, BETA2, EPSILON, step);
  }

  private static void assertClose(DjlLazyTable table, HandLazyAdam expected, String when) {
    for (int i = 0; i < ROWS * DIM; i++) {
      assertThat((double) table.values()[i])
          .as("%s: value %d", when, i)
          .isCloseTo(expected.values[i], within(1e-6));
      assertThat((double) table.firstMoments()[i])
          .as("%s: first moment %d", when, i)
          .isCloseTo(expected.first[i], within(1e-6));
      assertThat((double) table.secondMoments()[i])
          .as("%s: second moment %d", when, i)
          .isCloseTo(expected.second[i], within(1e-6));
    }
  }

  private static org.assertj.core.api.AbstractFloatArrayAssert<?> assertRow(
      float[] values, int row) {
    return assertThat(row(values, row));
  }

  private static float[] row(float[] values, int row) {
    return Arrays.copyOfRange(values, row * DIM, (row + 1) * DIM);
  }

  private static float[] randomValues(int n, long seed) {
    Random random = new Random(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
