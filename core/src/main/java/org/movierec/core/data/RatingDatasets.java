package org.movierec.core.data;

/** Operations on whole datasets that every backend and evaluator needs. */
public final class RatingDatasets {

  private RatingDatasets() {}

  /**
   * Re-indexes a dataset so that its id indices hold exactly the users and movies that have a row,
   * in order of first appearance. A model trained on the result knows no id it never saw.
   */
  public static ColumnarRatings compact(RatingDataset dataset) {
    RatingsBuilder builder =
        new RatingsBuilder(dataset.scale(), dataset.size()).catalog(dataset.catalog());
    for (int row = 0; row < dataset.size(); row++) {
      builder.add(
          dataset.rawUserId(row),
          dataset.rawMovieId(row),
          dataset.rating(row),
          dataset.timestamp(row));
    }
    return builder.build();
  }
}
