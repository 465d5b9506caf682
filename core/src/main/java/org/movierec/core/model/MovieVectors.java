package org.movierec.core.model;

/**
 * Movies as unit-length vectors, so that the cosine similarity of two movies is the dot product of
 * their rows. Built once from a backend's learned movie embeddings; immutable and thread-safe.
 */
public final class MovieVectors {

  private final float[] unit;
  private final int dim;
  private final int count;

  private MovieVectors(float[] unit, int dim) {
    this.unit = unit;
    this.dim = dim;
    this.count = unit.length / dim;
  }

  /**
   * Normalizes the rows of a table of {@code dim}-wide vectors (row {@code m} for dense movie
   * {@code m}); a zero row stays zero and is similar to nothing.
   *
   * @throws IllegalArgumentException when the table is not a whole number of rows
   */
  public static MovieVectors normalize(float[] table, int dim) {
    if (dim < 1 || table.length % dim != 0) {
      throw new IllegalArgumentException(
          "a table of " + table.length + " values is not made of rows of " + dim);
    }
    float[] unit = new float[table.length];
    for (int row = 0; row < table.length; row += dim) {
      double squares = 0;
      for (int k = 0; k < dim; k++) {
        squares += (double) table[row + k] * table[row + k];
      }
      double scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
      for (int k = 0; k < dim; k++) {
        unit[row + k] = (float) (table[row + k] * scale);
      }
    }
    return new MovieVectors(unit, dim);
  }

  /** The number of movies. */
  public int size() {
    return count;
  }

  /**
   * Fills {@code out[m]} with the cosine similarity of dense movies {@code movie} and {@code m}.
   */
  public void similarities(int movie, float[] out) {
    if (out.length < count) {
      throw new IllegalArgumentException(out.length + " slots for " + count + " movies");
    }
    int query = movie * dim;
    for (int other = 0; other < count; other++) {
      int row = other * dim;
      float dot = 0;
      for (int k = 0; k < dim; k++) {
        dot += unit[query + k] * unit[row + k];
      }
      out[other] = dot;
    }
  }
}
