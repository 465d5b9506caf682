package org.movierec.core.pair;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.MoviePopularity;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RankingScore;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.SimilarMovie;
import org.movierec.core.model.UnsupportedByModelException;

/**
 * Two trained models answering as one: the ranking model orders every list (its candidates,
 * filters, ranking scores and order, exactly as it alone gives them) and the rating model answers
 * {@link #predict} and every list entry's predicted rating. A model trained with {@code objective =
 * ranking} orders lists well but predicts only its bias estimate; paired with a model trained to
 * predict stars, the answers are both good. Both must know the same users and movies on the same
 * scale. Build it with {@link #builder()}; closing it closes both.
 *
 * <pre>{@code
 * Model served = PairedModel.builder()
 *     .setRankingModel(registry.load(Path.of("rank.mrec"), options), "rank.mrec")
 *     .setRatingModel(registry.load(Path.of("tuned.mrec"), options), "tuned.mrec")
 *     .build();
 * }</pre>
 */
public final class PairedModel implements Model {

  /**
   * What the lists are ordered by when the ranking model ranks by its own rating estimate: that
   * estimate is no longer the pair's, whose predicted ratings come from the rating model.
   */
  public static final RankingScore RANKING_MODEL_ESTIMATE =
      new RankingScore(
          "ranking_model_estimate",
          "the ranking model's predicted rating before clipping; predicted ratings come from the"
              + " rating model");

  private final Model ranking;
  private final String rankingSource;
  private final Model rating;
  private final String ratingSource;

  private PairedModel(Builder builder) {
    this.ranking = builder.ranking;
    this.rankingSource = builder.rankingSource;
    this.rating = builder.rating;
    this.ratingSource = builder.ratingSource;
  }

  /** A builder; both models are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The model that orders lists. */
  public Model rankingModel() {
    return ranking;
  }

  /** Where the ranking model came from, such as its file name, as messages name it. */
  public String rankingSource() {
    return rankingSource;
  }

  /** The model that predicts ratings. */
  public Model ratingModel() {
    return rating;
  }

  /** Where the rating model came from, such as its file name, as messages name it. */
  public String ratingSource() {
    return ratingSource;
  }

  /**
   * How the ranking model was made; {@link #ratingModel()} tells how the rating model was, since
   * one record cannot describe two trainings.
   */
  @Override
  public ModelInfo info() {
    return ranking.info();
  }

  @Override
  public IdIndex users() {
    return ranking.users();
  }

  @Override
  public IdIndex movies() {
    return ranking.movies();
  }

  @Override
  public RatingScale scale() {
    return rating.scale();
  }

  @Override
  public ColdStartPolicy coldStartPolicy() {
    return ranking.coldStartPolicy();
  }

  /** The rating model's prediction. */
  @Override
  public float predict(int rawUserId, int rawMovieId) {
    return rating.predict(rawUserId, rawMovieId);
  }

  /** The rating model's predictions. */
  @Override
  public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
    return rating.predict(rawUserIds, rawMovieIds);
  }

  /**
   * The ranking model's ranking score, or {@link #RANKING_MODEL_ESTIMATE} when that model ranks by
   * its rating estimate, which is not the pair's.
   */
  @Override
  public RankingScore rankingScore() {
    RankingScore score = ranking.rankingScore();
    return score.isRatingEstimate() ? RANKING_MODEL_ESTIMATE : score;
  }

  /** The ranking model's ranking scores. */
  @Override
  public float[] rankingScores(int rawUserId, int[] rawMovieIds) {
    return ranking.rankingScores(rawUserId, rawMovieIds);
  }

  /** The ranking model's list, each entry with the rating model's predicted rating. */
  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    List<Recommendation> list = ranking.recommend(rawUserId, request);
    int[] users = new int[list.size()];
    Arrays.fill(users, rawUserId);
    return withRatings(list, rating.predict(users, rawMovieIds(list)));
  }

  /** The ranking model's training popularity; both learned from the same ratings. */
  @Override
  public MoviePopularity popularity() {
    return ranking.popularity();
  }

  /** The movies the user rated in the ranking model's training, never in their lists. */
  @Override
  public int[] ratedMovies(int rawUserId) {
    return ranking.ratedMovies(rawUserId);
  }

  /**
   * Folds the user into both models: the ranking model's fit orders their lists, the rating model's
   * predicts their ratings.
   *
   * @throws IllegalArgumentException naming the movie when a movie is rated twice or a rating lies
   *     outside the scale
   */
  @Override
  public FoldedUser foldIn(List<MovieRating> ratings) {
    return new PairedFoldedUser(ranking.foldIn(ratings), rating.foldIn(ratings));
  }

  /** The ranking model's similar movies: a list, so the model that orders lists answers it. */
  @Override
  public List<SimilarMovie> similarMovies(int rawMovieId, RecommendRequest request) {
    return ranking.similarMovies(rawMovieId, request);
  }

  /**
   * Refuses: a pair is two files and is saved as them.
   *
   * @throws UnsupportedByModelException always, saying to save each model on its own
   */
  @Override
  public void save(Path file) {
    throw new UnsupportedByModelException(
        "a paired model is two model files ("
            + rankingSource
            + " orders lists, "
            + ratingSource
            + " predicts ratings), so it cannot be saved as one "
            + file
            + "; save rankingModel() and ratingModel() each to a file of its own");
  }

  /** Closes both models, the rating model even when closing the ranking model fails. */
  @Override
  public void close() {
    try {
      ranking.close();
    } finally {
      rating.close();
    }
  }

  /** The raw movie ids of a list, in its order. */
  static int[] rawMovieIds(List<Recommendation> list) {
    return list.stream().mapToInt(Recommendation::rawMovieId).toArray();
  }

  /** The list with {@code ratings[i]} as entry {@code i}'s predicted rating. */
  static List<Recommendation> withRatings(List<Recommendation> list, float[] ratings) {
    List<Recommendation> rated = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Recommendation entry = list.get(i);
      rated.add(new Recommendation(entry.rawMovieId(), entry.score(), ratings[i]));
    }
    return List.copyOf(rated);
  }

  /**
   * Collects the two models and where each came from; {@link #build()} checks that they can answer
   * as one. Until it returns, the caller owns both models and closes them on failure.
   */
  public static final class Builder {

    private Model ranking;
    private String rankingSource;
    private Model rating;
    private String ratingSource;

    private Builder() {}

    /**
     * The model that orders lists, and where it came from, such as {@code rank.mrec}, for messages.
     */
    public Builder setRankingModel(Model model, String source) {
      this.ranking = Objects.requireNonNull(model, "model");
      this.rankingSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * The model that predicts ratings, and where it came from, such as {@code tuned.mrec}, for
     * messages.
     */
    public Builder setRatingModel(Model model, String source) {
      this.rating = Objects.requireNonNull(model, "model");
      this.ratingSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * The pair, which owns both models from now on.
     *
     * @throws IllegalArgumentException naming both sources and every difference between the models:
     *     users, movies, rating scale, cold-start policy
     * @throws IllegalStateException when a model was not set
     */
    public PairedModel build() {
      List<String> problems = new ArrayList<>();
      if (ranking == null) {
        problems.add("setRankingModel is required: a model that orders lists");
      }
      if (rating == null) {
        problems.add("setRatingModel is required: a model that predicts ratings");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("cannot pair the models: " + String.join("; ", problems));
      }
      if (ranking == rating) {
        throw new IllegalArgumentException(
            "cannot pair the models: "
                + rankingSource
                + " is both the ranking and the rating model; pair two different models");
      }
      List<String> learned = PairMismatch.between(ranking, rankingSource, rating, ratingSource);
      if (!learned.isEmpty()) {
        problems.add(String.join("; ", learned) + ": train both on the same ratings");
      }
      if (ranking.coldStartPolicy() != rating.coldStartPolicy()) {
        problems.add(
            rankingSource
                + " answers unknown ids with cold_start="
                + ConfigKey.wordOf(ranking.coldStartPolicy())
                + ", "
                + ratingSource
                + " with cold_start="
                + ConfigKey.wordOf(rating.coldStartPolicy())
                + ": load both with the same setting");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "cannot pair the models: " + String.join("; and ", problems));
      }
      return new PairedModel(this);
    }
  }
}
