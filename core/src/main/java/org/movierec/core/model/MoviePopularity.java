package org.movierec.core.model;

import java.util.Arrays;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.file.SectionReader;
import org.movierec.core.file.SectionWriter;

/**
 * How often and how well each movie of a model was rated in its training input: what the popularity
 * floor of a {@link RecommendRequest} and the popularity baseline read. Counts come with every
 * model; mean ratings with models saved since they were added to the file (older files answer
 * {@code NaN} and {@link #hasMeans()} is false).
 */
public final class MoviePopularity {

  private final IdIndex movies;
  private final int[] counts;
  private final float[] means;
  private final boolean hasMeans;

  private MoviePopularity(IdIndex movies, int[] counts, float[] means, boolean hasMeans) {
    this.movies = movies;
    this.counts = counts;
    this.means = means;
    this.hasMeans = hasMeans;
  }

  /**
   * Counts the users who rated each movie of a dataset and averages their ratings, by the dataset's
   * dense movie indices.
   */
  public static MoviePopularity of(RatingDataset data) {
    return of(data, RatedItems.of(data));
  }

  /** {@link #of(RatingDataset)} with the dataset's rated items already at hand. */
  static MoviePopularity of(RatingDataset data, RatedItems rated) {
    int[] rows = new int[data.movies().size()];
    double[] sums = new double[rows.length];
    for (int row = 0; row < data.size(); row++) {
      rows[data.movieIndex(row)]++;
      sums[data.movieIndex(row)] += data.rating(row);
    }
    float[] means = new float[rows.length];
    for (int movie = 0; movie < rows.length; movie++) {
      means[movie] = rows[movie] == 0 ? Float.NaN : (float) (sums[movie] / rows[movie]);
    }
    return new MoviePopularity(data.movies(), rated.movieCounts(rows.length), means, true);
  }

  /**
   * Rebuilds popularity from a model file: counts from its rated items, means from its {@code
   * popularity} section, or none when {@code in} is {@code null} (a file that predates it).
   */
  static MoviePopularity read(IdIndex movies, RatedItems rated, SectionReader in) {
    int[] counts = rated.movieCounts(movies.size());
    if (in == null) {
      float[] none = new float[counts.length];
      Arrays.fill(none, Float.NaN);
      return new MoviePopularity(movies, counts, none, false);
    }
    float[] means = in.getFloats();
    if (means.length != counts.length) {
      throw in.corrupt(means.length + " mean ratings for " + counts.length + " movies");
    }
    for (int movie = 0; movie < means.length; movie++) {
      if (counts[movie] > 0 && !Float.isFinite(means[movie])) {
        throw in.corrupt("movie " + movies.rawId(movie) + " has mean rating " + means[movie]);
      }
    }
    return new MoviePopularity(movies, counts, means, true);
  }

  /** Appends the mean ratings to a model-file section; counts are rebuilt from rated items. */
  void writeTo(SectionWriter out) {
    out.putFloats(means);
  }

  /** The movies described, by dense index. */
  public IdIndex movies() {
    return movies;
  }

  /** How many training ratings a movie has; 0 for a movie the model does not know. */
  public int count(int rawMovieId) {
    int movie = movies.indexOf(rawMovieId);
    return movie < 0 ? 0 : counts[movie];
  }

  /** How many training ratings the movie at a dense index has. */
  public int countAt(int denseMovie) {
    return counts[denseMovie];
  }

  /** The mean training rating of the movie at a dense index, or {@code NaN} when unknown. */
  public float meanAt(int denseMovie) {
    return means[denseMovie];
  }

  /** Tells whether mean ratings are known; false for model files that predate them. */
  public boolean hasMeans() {
    return hasMeans;
  }

  /** The mean of all training ratings, or {@code NaN} without means or ratings. */
  public double globalMean() {
    double sum = 0;
    long total = 0;
    for (int movie = 0; movie < counts.length; movie++) {
      if (counts[movie] > 0) {
        sum += (double) means[movie] * counts[movie];
        total += counts[movie];
      }
    }
    return total == 0 ? Double.NaN : sum / total;
  }
}
