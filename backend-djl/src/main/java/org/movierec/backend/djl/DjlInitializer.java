package org.movierec.backend.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/**
 * Draws a network's starting parameters on the JVM from the spec's declared initializers and a
 * seed, so the start is the same on every engine, device and thread count.
 */
final class DjlInitializer {

  private DjlInitializer() {}

  /**
   * Fresh parameters for a spec over the given numbers of users and movies.
   *
   * @param seed the random seed; the same seed gives the same parameters bit for bit
   */
  static DjlParameters initialize(NetworkSpec spec, int users, int movies, long seed) {
    Random random = new Random(seed);
    DjlLayout layout = DjlLayout.of(spec, users, movies);
    List<DjlParameters.Tensor> tensors = new ArrayList<>(layout.size());
    for (int slot = 0; slot < layout.size(); slot++) {
      DjlLayout.Slot shape = layout.slot(slot);
      float[] values = new float[shape.size()];
      fill(values, layout.initializer(slot), layout.fanIn(slot), random);
      tensors.add(new DjlParameters.Tensor(shape.name(), shape.shape(), values));
    }
    return new DjlParameters(layout, tensors);
  }

  /**
   * Fills values from a distribution.
   *
   * @param fanIn the inputs feeding each output, for {@link Initializer.Type#FAN_IN_UNIFORM}
   */
  static void fill(float[] values, Initializer init, int fanIn, Random random) {
    switch (init.type()) {
      case NORMAL -> {
        double std = init.scale();
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (random.nextGaussian() * std);
        }
      }
      case UNIFORM -> uniform(values, init.scale(), random);
      case FAN_IN_UNIFORM -> uniform(values, 1 / Math.sqrt(fanIn), random);
      case CONSTANT -> Arrays.fill(values, (float) (double) init.scale());
    }
  }

  private static void uniform(float[] values, double halfWidth, Random random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * halfWidth);
    }
  }
}
