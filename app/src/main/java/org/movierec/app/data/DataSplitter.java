package org.movierec.app.data;

import java.util.ArrayList;
import java.util.List;
import org.movierec.core.config.ConfigException;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.Fold;
import org.movierec.data.split.Split;
import org.movierec.data.split.SplitSpec;
import org.movierec.data.split.Splits;

/** Splits with the data module's split methods, named by specs such as {@code user-last:10}. */
final class DataSplitter implements Splitter {

  @Override
  public List<Split> splits(RatingDataset data, String spec, long seed) {
    SplitSpec method;
    try {
      method = SplitSpec.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--split: " + e.getMessage());
    }
    return method.apply(data, seed);
  }

  @Override
  public TrainTest split(RatingDataset data, String spec, long seed) {
    List<Split> splits = splits(data, spec, seed);
    if (splits.size() != 1) {
      throw new ConfigException(
          "--split "
              + spec
              + " makes "
              + splits.size()
              + " splits but train uses one; cross-validate with movierec cv --folds "
              + splits.size());
    }
    Split split = splits.get(0);
    return new TrainTest(split.train(), split.test(), spec + " seed " + seed);
  }

  @Override
  public List<Fold> kFold(RatingDataset data, int folds, long seed) {
    List<Fold> result = new ArrayList<>();
    List<Split> splits = Splits.kFold(data, folds, seed);
    for (int i = 0; i < splits.size(); i++) {
      result.add(new Fold(i + 1, splits.get(i).train(), splits.get(i).test()));
    }
    return List.copyOf(result);
  }
}
