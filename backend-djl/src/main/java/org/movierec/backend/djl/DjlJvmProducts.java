package org.movierec.backend.djl;

/**
 * The matrix product of {@link DjlJvmTower}'s forward and backward passes over a batch (forward,
 * back to a layer's input, and the weight gradient) and of {@link DjlScorer}'s blocks of pairs,
 * written so that C2 vectorizes its inner loop: four inputs and two outputs per pass, the weights
 * of a pass held in locals. Java neither reassociates nor fuses the sums, so every output is summed
 * in index order.
 */
final class DjlJvmProducts {

  private DjlJvmProducts() {}

  /**
   * {@code y[j][p] += sum_k w[j][k] x[k][p]} for a row-major matrix {@code w[rows][columns]} at
   * {@code offset}: two outputs and four inputs per pass over the batch, the weights held fixed in
   * the inner loop.
   */
  static void multiply(
      float[] w, int offset, int columns, int rows, float[][] x, float[][] y, int n) {
    int j = 0;
    for (; j + 2 <= rows; j += 2) {
      float[] y0 = y[j];
      float[] y1 = y[j + 1];
      int w0 = offset + j * columns;
      int w1 = w0 + columns;
      int k = 0;
      for (; k + 4 <= columns; k += 4) {
        float a0 = w[w0 + k];
        float a1 = w[w0 + k + 1];
        float a2 = w[w0 + k + 2];
        float a3 = w[w0 + k + 3];
        float b0 = w[w1 + k];
        float b1 = w[w1 + k + 1];
        float b2 = w[w1 + k + 2];
        float b3 = w[w1 + k + 3];
        float[] x0 = x[k];
        float[] x1 = x[k + 1];
        float[] x2 = x[k + 2];
        float[] x3 = x[k + 3];
        for (int p = 0; p < n; p++) {
          float v0 = x0[p];
          float v1 = x1[p];
          float v2 = x2[p];
          float v3 = x3[p];
          y0[p] = y0[p] + a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
          y1[p] = y1[p] + b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
        }
      }
      for (; k < columns; k++) {
        float a = w[w0 + k];
        float b = w[w1 + k];
        float[] column = x[k];
        for (int p = 0; p < n; p++) {
          y0[p] += a * column[p];
          y1[p] += b * column[p];
        }
      }
    }
    for (; j < rows; j++) {
      float[] y0 = y[j];
      int w0 = offset + j * columns;
      int k = 0;
      for (; k + 4 <= columns; k += 4) {
        float a0 = w[w0 + k];
        float a1 = w[w0 + k + 1];
        float a2 = w[w0 + k + 2];
        float a3 = w[w0 + k + 3];
        float[] x0 = x[k];
        float[] x1 = x[k + 1];
        float[] x2 = x[k + 2];
        float[] x3 = x[k + 3];
        for (int p = 0; p < n; p++) {
          y0[p] = y0[p] + a0 * x0[p] + a1 * x1[p] + a2 * x2[p] + a3 * x3[p];
        }
      }
      for (; k < columns; k++) {
        float a = w[w0 + k];
        float[] column = x[k];
        for (int p = 0; p < n; p++) {
          y0[p] += a * column[p];
        }
      }
    }
  }
}
