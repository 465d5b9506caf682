package org.movierec.app.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.movierec.core.config.ConfigException;

/**
 * The settings of every trial of a search, decided before the first one runs: the whole grid when
 * every key is a list and no smaller {@code --trials} is asked for, a seeded sample of distinct
 * grid points when it is, and seeded random draws when any key is an interval.
 *
 * @param search how the trials were chosen
 * @param trials each trial's settings, key to configuration text, in the order they run
 */
public record TrialPlan(Search search, List<Map<String, String>> trials) {

  /** How the trials of a plan were chosen. */
  public enum Search {
    /** Every grid point, the last key varying fastest. */
    GRID,
    /** Distinct grid points drawn at random. */
    GRID_SAMPLE,
    /** Every key drawn at random, independently per trial. */
    RANDOM;

    /** The lower-case word used in output. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** Copies the trials, keeping each one's keys in space-file order. */
  public TrialPlan {
    trials =
        trials.stream()
            .map(settings -> Collections.unmodifiableMap(new LinkedHashMap<>(settings)))
            .toList();
  }

  /**
   * Plans a search.
   *
   * @param trials how many trials at most; required when the space has an interval
   * @param seed seeds the random draws, so that the same seed plans the same trials
   * @throws ConfigException when an interval space has no trial count or the count is below 1
   */
  public static TrialPlan of(SearchSpace space, OptionalInt trials, long seed) {
    if (trials.isPresent() && trials.getAsInt() < 1) {
      throw new ConfigException("--trials must be at least 1, got " + trials.getAsInt());
    }
    SplittableRandom random = new SplittableRandom(seed);
    if (space.isGrid()) {
      long size = space.gridSize();
      if (trials.isEmpty() || trials.getAsInt() >= size) {
        if (size > Integer.MAX_VALUE) {
          throw new ConfigException(
              space.source() + ": the grid has " + size + " points; give --trials N to sample N");
        }
        List<Map<String, String>> all = new ArrayList<>();
        for (long point = 0; point < size; point++) {
          all.add(gridPoint(space, point));
        }
        return new TrialPlan(Search.GRID, all);
      }
      Set<Long> points = new LinkedHashSet<>();
      while (points.size() < trials.getAsInt()) {
        points.add(random.nextLong(size));
      }
      return new TrialPlan(
          Search.GRID_SAMPLE, points.stream().map(point -> gridPoint(space, point)).toList());
    }
    if (trials.isEmpty()) {
      throw new ConfigException(
          space.source()
              + " has range() or loguniform() keys, so the trials are drawn at random; give"
              + " --trials N");
    }
    List<Map<String, String>> drawn = new ArrayList<>();
    for (int trial = 0; trial < trials.getAsInt(); trial++) {
      Map<String, String> settings = new LinkedHashMap<>();
      for (Dimension dimension : space.dimensions()) {
        settings.put(dimension.key().name(), dimension.sample(random));
      }
      drawn.add(settings);
    }
    return new TrialPlan(Search.RANDOM, drawn);
  }

  /** Grid point number {@code point}, counting with the last key varying fastest. */
  private static Map<String, String> gridPoint(SearchSpace space, long point) {
    List<Dimension> dimensions = space.dimensions();
    String[] values = new String[dimensions.size()];
    long rest = point;
    for (int i = dimensions.size() - 1; i >= 0; i--) {
      List<String> choices = ((Dimension.Choice) dimensions.get(i)).values();
      values[i] = choices.get((int) (rest % choices.size()));
      rest /= choices.size();
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      settings.put(dimensions.get(i).key().name(), values[i]);
    }
    return settings;
  }
}
