package org.movierec.data.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.movierec.core.data.RatingScale;

/** Counts ratings by value: one counter per step of the scale, or per distinct value without. */
final class Histogram {

  private final RatingScale scale;
  private final long[] levels;
  private final Map<Float, Long> values = new TreeMap<>();

  Histogram(RatingScale scale) {
    this.scale = scale;
    this.levels = new long[scale.levels()];
  }

  void add(float rating) {
    if (levels.length > 0 && scale.allows(rating)) {
      levels[(int) Math.rint((rating - scale.min()) / scale.step())]++;
    } else {
      values.merge(rating, 1L, Long::sum);
    }
  }

  /** Every level of the scale, counts of zero included, then values off the steps, ascending. */
  List<DatasetStats.Bin> bins() {
    Map<Float, Long> all = new TreeMap<>(values);
    for (int i = 0; i < levels.length; i++) {
      all.merge(scale.min() + i * scale.step(), levels[i], Long::sum);
    }
    List<DatasetStats.Bin> bins = new ArrayList<>();
    all.forEach((rating, count) -> bins.add(new DatasetStats.Bin(rating, count)));
    return bins;
  }
}
