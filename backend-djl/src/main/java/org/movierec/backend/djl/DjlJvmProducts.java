package org.movierec.backend.djl;

import java.util.Arrays;

/**
 * The matrix products of {@link DjlJvmTower}'s forward and backward passes over a batch, written so
 * that C2 vectorizes their inner loops: four inputs and two outputs per pass, the weights of a pass
 * held in locals. Java neither reassociates nor fuses the sums, so every output is summed in index
 * order.
 */
final class DjlJvmProducts {

  private DjlJvmProducts() {}

  /**
   * {@code g[j][k] = sum_p delta[j][p] x[p][k]} into {@code g} at {@code offset}, row-major {@code
   * [units][fanIn]}: the inner loop runs over a row of the layer's input with two deltas of each of
   * four pairs held fixed.
   */
  static void weightGradient(
      float[][] delta, int units, float[] x, int fanIn, int n, float[] g, int offset) {
    Arrays.fill(g, offset, offset + units * fanIn, 0f);
    int j = 0;
    for (; j + 2 <= units; j += 2) {
      float[] d0 = delta[j];
      float[] d1 = delta[j + 1];
      int g0 = offset + j * fanIn;
      int g1 = g0 + fanIn;
      int p = 0;
      for (; p + 4 <= n; p += 4) {
        float a0 = d0[p];
        float a1 = d0[p + 1];
        float a2 = d0[p + 2];
        float a3 = d0[p + 3];
        float b0 = d1[p];
        float b1 = d1[p + 1];
        float b2 = d1[p + 2];
        float b3 = d1[p + 3];
        int r0 = p * fanIn;
        int r1 = r0 + fanIn;
        int r2 = r1 + fanIn;
        int r3 = r2 + fanIn;
        for (int k = 0; k < fanIn; k++) {
          float v0 = x[r0 + k];
          float v1 = x[r1 + k];
          float v2 = x[r2 + k];
          float v3 = x[r3 + k];
          g[g0 + k] = g[g0 + k] + a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
          g[g1 + k] = g[g1 + k] + b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
        }
      }
      for (; p < n; p++) {
        float a = d0[p];
        float b = d1[p];
        int r = p * fanIn;
        for (int k = 0; k < fanIn; k++) {
          g[g0 + k] += a * x[r + k];
          g[g1 + k] += b * x[r + k];
        }
      }
    }
    for (; j < units; j++) {
      float[] d = delta[j];
      int g0 = offset + j * fanIn;
      int p = 0;
      for (; p + 4 <= n; p += 4) {
        float a0 = d[p];
        float a1 = d[p + 1];
        float a2 = d[p + 2];
        float a3 = d[p + 3];
        int r0 = p * fanIn;
        int r1 = r0 + fanIn;
        int r2 = r1 + fanIn;
        int r3 = r2 + fanIn;
        for (int k = 0; k < fanIn; k++) {
          g[g0 + k] = g[g0 + k] + a0 * x[r0 + k] + a1 * x[r1 + k] + a2 * x[r2 + k] + a3 * x[r3 + k];
        }
      }
      for (; p < n; p++) {
        float a = d[p];
        int r = p * fanIn;
        for (int k = 0; k < fanIn; k++) {
          g[g0 + k] += a * x[r + k];
        }
      }
    }
  }

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
