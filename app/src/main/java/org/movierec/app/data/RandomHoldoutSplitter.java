package org.movierec.app.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.movierec.core.config.ConfigException;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.Fold;

/**
 * Holds out a seeded random share of all ratings (the spec {@code random:FRACTION}) or deals them
 * into k folds; serves until the data module's splits replace it.
 */
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
    int[] rows = shuffledRows(n, seed);
    int[] test = Arrays.copyOfRange(rows, 0, testSize);
    int[] train = Arrays.copyOfRange(rows, testSize, n);
    Arrays.sort(test);
    Arrays.sort(train);
    return new TrainTest(data.select(train), data.select(test), spec + " seed " + seed);
  }

  @Override
  public List<Fold> kFold(RatingDataset data, int folds, long seed) {
    int n = data.size();
    if (folds < 2 || folds > n) {
      throw new IllegalArgumentException(
          "cannot deal " + n + " ratings into " + folds + " folds; use 2 to " + n + " folds");
    }
    int[] rows = shuffledRows(n, seed);
    List<Fold> result = new ArrayList<>();
    for (int fold = 0; fold < folds; fold++) {
      int from = (int) ((long) n * fold / folds);
      int to = (int) ((long) n * (fold + 1) / folds);
      int[] test = Arrays.copyOfRange(rows, from, to);
      int[] train = new int[n - test.length];
      System.arraycopy(rows, 0, train, 0, from);
      System.arraycopy(rows, to, train, from, n - to);
      Arrays.sort(test);
      Arrays.sort(train);
      result.add(new Fold(fold + 1, data.select(train), data.select(test)));
    }
    return List.copyOf(result);
  }

  private static int[] shuffledRows(int n, long seed) {
    int[] rows = new int[n];
    Arrays.setAll(rows, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
    return rows;
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
