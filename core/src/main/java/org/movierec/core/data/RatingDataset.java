package org.movierec.core.data;

/**
 * A read-only table of ratings in columns: row {@code i} says that dense user {@link
 * #userIndex(int)} gave dense movie {@link #movieIndex(int)} the rating {@link #rating(int)} at
 * {@link #timestamp(int)}. Dense indices map back to raw ids through {@link #users()} and {@link
 * #movies()}. Implementations keep primitive columns so tens of millions of rows fit in memory.
 */
public interface RatingDataset {

  /** The number of ratings. */
  int size();

  /** The dense user index of a row. */
  int userIndex(int row);

  /** The dense movie index of a row. */
  int movieIndex(int row);

  /** The rating of a row, on {@link #scale()}. */
  float rating(int row);

  /** The time of a row in seconds since 1970-01-01 UTC. */
  long timestamp(int row);

  /** Raw user ids by dense index; may hold users that have no row in this view. */
  IdIndex users();

  /** Raw movie ids by dense index; may hold movies that have no row in this view. */
  IdIndex movies();

  /** The scale the ratings are on. */
  RatingScale scale();

  /** Titles, years and genres of the movies, empty when the source had none. */
  MovieCatalog catalog();

  /**
   * A view of the given rows, in the given order, sharing this dataset's id indices, scale and
   * catalog.
   */
  RatingDataset select(int[] rows);

  /** The raw user id of a row. */
  default int rawUserId(int row) {
    return users().rawId(userIndex(row));
  }

  /** The raw movie id of a row. */
  default int rawMovieId(int row) {
    return movies().rawId(movieIndex(row));
  }

  /** A fresh copy of the dense user column. */
  default int[] userIndices() {
    int[] column = new int[size()];
    for (int row = 0; row < column.length; row++) {
      column[row] = userIndex(row);
    }
    return column;
  }

  /** A fresh copy of the dense movie column. */
  default int[] movieIndices() {
    int[] column = new int[size()];
    for (int row = 0; row < column.length; row++) {
      column[row] = movieIndex(row);
    }
    return column;
  }

  /** A fresh copy of the rating column. */
  default float[] ratings() {
    float[] column = new float[size()];
    for (int row = 0; row < column.length; row++) {
      column[row] = rating(row);
    }
    return column;
  }

  /** The mean rating, or {@code NaN} for an empty dataset. */
  default double meanRating() {
    double sum = 0;
    for (int row = 0; row < size(); row++) {
      sum += rating(row);
    }
    return size() == 0 ? Double.NaN : sum / size();
  }
}
