package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The design choice behind {@code embedding_optimizer = lazy}, measured: a lazy Adam step on one
 * embedding table of {@code ROWS x 30} for batches of 256 random rows, done on the engine (gather
 * the rows and their moments by index, one fused {@code adamUpdate}, scatter the three back) or on
 * the JVM by {@link DjlLazyTable}. Prints the training thread's CPU time per step, four rounds of
 * 400 steps each, one intra-op thread. The engine side leaves out even the gather and scatter that
 * the forward and backward passes would add. Arguments: {@code [ROWS=162541]}.
 */
public final class DjlLazyDesignBench {

  private static final int DIM = 30;
  private static final int BATCH = 256;
  private static final int STEPS = 400;

  private DjlLazyDesignBench() {}

  /** Runs the comparison. */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 162_541;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Random random = new Random(1);
    float[] initial = new float[rows * DIM];
    for (int i = 0; i < initial.length; i++) {
      initial[i] = (float) random.nextGaussian();
    }
    int[][] batches = new int[STEPS][BATCH];
    for (int[] batch : batches) {
      Arrays.setAll(batch, i -> random.nextInt(rows));
    }
    float[] gradient = new float[BATCH * DIM];
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = (float) random.nextGaussian();
    }
    DjlLazyTable jvm = new DjlLazyTable(rows, DIM, initial.clone(), true);
    DjlLazyTable.Step step = new DjlLazyTable.Step(0.001, 0.01, 0.9, 0.999, 1e-8, 1);
    try (NDManager manager = DjlEngine.start(1).newBaseManager()) {
      NDArray table = manager.create(initial, new Shape(rows, DIM));
      NDArray first = manager.zeros(new Shape(rows, DIM));
      NDArray second = manager.zeros(new Shape(rows, DIM));
      for (int round = 1; round <= 4; round++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int[] batch : batches) {
          engineStep(manager, table, first, second, batch, gradient);
        }
        long engine = threads.getCurrentThreadCpuTime();
        for (int[] batch : batches) {
          jvm.update(batch, BATCH, gradient, DIM, 0, step);
        }
        long end = threads.getCurrentThreadCpuTime();
        System.out.printf(
            Locale.ROOT,
            "round %d, %d rows: engine-side lazy Adam %.0f us of CPU per step, JVM %.0f us%n",
            round,
            rows,
            (engine - start) / 1e3 / STEPS,
            (end - engine) / 1e3 / STEPS);
      }
    }
  }

  /** One lazy Adam step on the engine over the distinct rows of a batch. */
  private static void engineStep(
      NDManager manager,
      NDArray table,
      NDArray first,
      NDArray second,
      int[] batch,
      float[] gradient) {
    try (NDManager scope = manager.newSubManager()) {
      int[] distinct = Arrays.stream(batch).distinct().toArray();
      NDIndex rows = new NDIndex("{}", scope.create(distinct).toType(DataType.INT64, false));
      NDArray values = table.get(rows);
      NDArray m = first.get(rows);
      NDArray v = second.get(rows);
      values.attach(scope);
      m.attach(scope);
      v.attach(scope);
      NDArray g =
          scope.create(
              Arrays.copyOf(gradient, distinct.length * DIM), new Shape(distinct.length, DIM));
      values
          .getNDArrayInternal()
          .adamUpdate(
              new NDList(values, g, m, v),
              new NDList(values),
              0.001f,
              0.001f,
              0.01f,
              1f,
              -1f,
              0.9f,
              0.999f,
              1e-8f,
              false,
              false);
      table.set(rows, values);
      first.set(rows, m);
      second.set(rows, v);
    }
  }
}
