package org.movierec.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.TrainingSummary;

/**
 * A model whose scores come from a lookup table by raw ids, so metric tests know every prediction.
 * Pairs missing from the table score {@link #DEFAULT_SCORE}. Its biases are regularized so hard
 * that the cold-start fallback is the mean training rating.
 */
class TableModel extends ScoringModel {

  static final float DEFAULT_SCORE = 1f;

  private final Map<Long, Float> scores;

  TableModel(RatingDataset train, Map<Long, Float> scores, ColdStartPolicy policy) {
    super(stateOf(train), policy);
    this.scores = Map.copyOf(scores);
  }

  /** A builder of the table, pair by pair. */
  static Table table() {
    return new Table();
  }

  /** Collects scores by raw ids. */
  static final class Table {
    private final Map<Long, Float> scores = new HashMap<>();

    Table put(int rawUser, int rawMovie, float score) {
      scores.put(key(rawUser, rawMovie), score);
      return this;
    }

    Map<Long, Float> build() {
      return scores;
    }
  }

  @Override
  protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
    for (int i = 0; i < count; i++) {
      long key = key(users().rawId(denseUsers[i]), movies().rawId(denseMovies[i]));
      out[i] = scores.getOrDefault(key, DEFAULT_SCORE);
    }
  }

  @Override
  protected void writeBackendSections(ModelFileWriter out) {
    throw new UnsupportedOperationException("a table model is never saved");
  }

  @Override
  public void close() {}

  private static long key(int rawUser, int rawMovie) {
    return ((long) rawUser << 32) | (rawMovie & 0xFFFF_FFFFL);
  }

  private static TrainedState stateOf(RatingDataset train) {
    ColumnarRatings compact = RatingDatasets.compact(train);
    ModelInfo info =
        new ModelInfo(
            "table", "test", "lookup table", Map.of(), new TrainingSummary(0, 0, 0, 0, List.of()));
    return TrainedState.of(compact, Biases.fit(compact, 1e12, 1e12, 1), info);
  }
}
