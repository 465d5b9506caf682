package org.movierec.app.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.movierec.core.config.ConfigException;
import org.movierec.core.data.RatingDataset;

/** Holds out a seeded random share of all ratings: the spec {@code random:FRACTION}. */
final class RandomHoldoutSplitter implements Splitter {

  @Override
  public TrainTest split(RatingDataset data, String spec, long seed) {
    double fraction = parse(spec);
    int n = data.size();
    int testSize = (int) Math.round(n * fraction);
    if (testSize == 0 || testSize == n) {
      throw new ConfigException(
          "--split "
              + spec
              + " leaves an empty part of "
              + n
              + " ratings; choose another fraction");
    }
    int[] rows = new int[n];
    Arrays.setAll(rows, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
    int[] test = Arrays.copyOfRange(rows, 0, testSize);
    int[] train = Arrays.copyOfRange(rows, testSize, n);
    Arrays.sort(test);
    Arrays.sort(train);
    return new TrainTest(data.select(train), data.select(test), spec + " seed " + seed);
  }

  private static double parse(String spec) {
    String[] parts = spec.strip().split(":", 2);
    if (parts.length == 2 && parts[0].equals("random")) {
      try {
        double fraction = Double.parseDouble(parts[1]);
        if (fraction > 0 && fraction < 1) {
          return fraction;
        }
      } catch (NumberFormatException e) {
        // reported below with the allowed form
      }
    }
    throw new ConfigException(
        "bad value for --split: '"
            + spec
            + "' is not allowed; expected random:FRACTION with 0 < FRACTION < 1, e.g. random:0.1");
  }
}
