package org.movierec.data.split;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.random.Shuffle;

/**
 * Ways to cut one dataset into training and test sets. Each is deterministic for a given dataset
 * and seed, never puts a row on both sides, and reports the cold-start users and movies of the test
 * side. Both sides are views sharing the dataset's id indices.
 */
public final class Splits {

  private Splits() {}

  /**
   * Puts {@code round(size * testFraction)} rows, drawn uniformly at random, into the test set.
   *
   * @throws IllegalArgumentException when the fraction is not strictly between 0 and 1
   */
  public static Split randomHoldout(RatingDataset data, double testFraction, long seed) {
    checkFraction("testFraction", testFraction);
    int size = data.size();
    long wanted = Math.round(size * testFraction);
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] inTest = new boolean[size];
    long chosen = 0;
    for (int row = 0; row < size && chosen < wanted; row++) {
      if (random.nextLong(size - row) < wanted - chosen) {
        inTest[row] = true;
        chosen++;
      }
    }
    return split(data, inTest);
  }

  /**
   * Holds out each user's {@code count} latest ratings (ties broken by row order), always leaving
   * the user at least one training rating.
   *
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public static Split perUserLast(RatingDataset data, int count) {
    checkPositive("count", count);
    return perUserByTime(data, ratings -> Math.min(count, ratings - 1));
  }

  /**
   * Holds out the latest {@code round(n * fraction)} of each user's {@code n} ratings, always
   * leaving the user at least one training rating.
   *
   * @throws IllegalArgumentException when the fraction is not strictly between 0 and 1
   */
  public static Split perUserLastFraction(RatingDataset data, double fraction) {
    checkFraction("fraction", fraction);
    return perUserByTime(
        data, ratings -> (int) Math.min(Math.round(ratings * fraction), ratings - 1));
  }

  /**
   * Holds out {@code count} ratings of each user drawn at random, always leaving the user at least
   * one training rating.
   *
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public static Split perUserRandom(RatingDataset data, int count, long seed) {
    checkPositive("count", count);
    UserGroups groups = UserGroups.of(data);
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] inTest = new boolean[data.size()];
    int[] rows = groups.rows();
    for (int user = 0; user < groups.userCount(); user++) {
      int from = groups.start(user);
      int length = groups.start(user + 1) - from;
      int held = Math.min(count, length - 1);
      for (int i = 0; i < held; i++) {
        int pick = from + i + random.nextInt(length - i);
        int chosen = rows[pick];
        rows[pick] = rows[from + i];
        rows[from + i] = chosen;
        inTest[chosen] = true;
      }
    }
    return split(data, inTest);
  }

  /** Trains on ratings given before {@code cutoffEpochSeconds} and tests on the rest. */
  public static Split timeCutoff(RatingDataset data, long cutoffEpochSeconds) {
    boolean[] inTest = new boolean[data.size()];
    for (int row = 0; row < inTest.length; row++) {
      inTest[row] = data.timestamp(row) >= cutoffEpochSeconds;
    }
    return split(data, inTest);
  }

  /**
   * Tests on the latest ratings of the whole dataset: the cutoff is the time before which {@code 1
   * - testFraction} of the ratings fall, so ties at the cutoff make the fraction approximate.
   *
   * @throws IllegalArgumentException when the fraction is not strictly between 0 and 1
   */
  public static Split timeFraction(RatingDataset data, double testFraction) {
    checkFraction("testFraction", testFraction);
    if (data.size() == 0) {
      return split(data, new boolean[0]);
    }
    long[] times = new long[data.size()];
    for (int row = 0; row < times.length; row++) {
      times[row] = data.timestamp(row);
    }
    Arrays.sort(times);
    int firstTest = (int) Math.min(times.length - 1, Math.round(times.length * (1 - testFraction)));
    return timeCutoff(data, times[firstTest]);
  }

  /**
   * Cuts the rows into {@code folds} random parts of sizes differing by at most one; split {@code
   * i} tests on part {@code i} and trains on the others. The list computes each split when asked,
   * so only the splits in use take memory.
   *
   * @throws IllegalArgumentException when {@code folds} is not between 2 and 127
   */
  public static List<Split> kFold(RatingDataset data, int folds, long seed) {
    checkFolds(folds);
    int size = data.size();
    int[] order = Shuffle.permutation(size, new SplittableRandom(seed));
    byte[] foldOf = new byte[size];
    for (int i = 0; i < size; i++) {
      foldOf[order[i]] = (byte) (i % folds);
    }
    return new AbstractList<>() {
      @Override
      public Split get(int fold) {
        if (fold < 0 || fold >= folds) {
          throw new IndexOutOfBoundsException("fold " + fold + " of " + folds);
        }
        boolean[] inTest = new boolean[size];
        for (int row = 0; row < size; row++) {
          inTest[row] = foldOf[row] == fold;
        }
        return split(data, inTest);
      }

      @Override
      public int size() {
        return folds;
      }
    };
  }

  /** How many of a user's ratings, given their number, go to the test set. */
  private interface HeldOut {
    int of(int ratings);
  }

  private static Split perUserByTime(RatingDataset data, HeldOut heldOut) {
    UserGroups groups = UserGroups.of(data);
    boolean[] inTest = new boolean[data.size()];
    int[] rows = groups.rows();
    long[] keys = new long[groups.largestGroup()];
    for (int user = 0; user < groups.userCount(); user++) {
      int from = groups.start(user);
      int length = groups.start(user + 1) - from;
      int held = Math.max(0, heldOut.of(length));
      if (held == 0) {
        continue;
      }
      for (int i = 0; i < length; i++) {
        int row = rows[from + i];
        keys[i] = data.timestamp(row) << 31 | row;
      }
      Arrays.sort(keys, 0, length);
      for (int i = length - held; i < length; i++) {
        inTest[(int) (keys[i] & Integer.MAX_VALUE)] = true;
      }
    }
    return split(data, inTest);
  }

  /** The split whose test rows are those marked, both sides in row order. */
  static Split split(RatingDataset data, boolean[] inTest) {
    int testSize = 0;
    for (boolean test : inTest) {
      if (test) {
        testSize++;
      }
    }
    int[] train = new int[inTest.length - testSize];
    int[] test = new int[testSize];
    int trainAt = 0;
    int testAt = 0;
    for (int row = 0; row < inTest.length; row++) {
      if (inTest[row]) {
        test[testAt++] = row;
      } else {
        train[trainAt++] = row;
      }
    }
    return Split.of(data.select(train), data.select(test));
  }

  static void checkFolds(int folds) {
    if (folds < 2 || folds > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("folds must be between 2 and 127, got " + folds);
    }
  }

  static void checkFraction(String name, double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          name + " must be strictly between 0 and 1, got " + fraction);
    }
  }

  static void checkPositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
