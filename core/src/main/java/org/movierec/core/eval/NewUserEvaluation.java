package org.movierec.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.IdIndex;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MoviePopularity;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.random.Shuffle;
import org.movierec.core.rank.TopN;

/**
 * How well a model recommends to users it never trained on: a share of the users is held out of
 * training entirely (drawn with the seed); each is folded into the trained model from a few of
 * their ratings (drawn with the seed), and their top-k list, which leaves out the fold-in movies,
 * is measured against their other ratings (relevant from the threshold on), as {@link
 * RankingEvaluator} measures known users' lists.
 */
public final class NewUserEvaluation {

  /** Mixed into the seed so that the held-out users do not follow the folds' or the model's. */
  private static final long SALT = 0x2545F4914F6CDD1DL;

  /**
   * One held-out user.
   *
   * @param rawUser the user's raw id
   * @param foldIn the ratings the user is folded in from
   * @param testMovies the raw movies of the user's other ratings
   * @param testRatings their ratings
   */
  public record NewUser(
      int rawUser, List<MovieRating> foldIn, int[] testMovies, float[] testRatings) {

    /** Copies the parts. */
    public NewUser {
      foldIn = List.copyOf(foldIn);
      testMovies = testMovies.clone();
      testRatings = testRatings.clone();
    }

    @Override
    public int[] testMovies() {
      return testMovies.clone();
    }

    @Override
    public float[] testRatings() {
      return testRatings.clone();
    }
  }

  /**
   * The ratings a model trains on and the users held out of them.
   *
   * @param train every rating of the users kept
   * @param users the held-out users with enough ratings to be measured
   * @param skipped held-out users with no rating beyond their fold-in ratings, left out of both
   */
  public record Split(ColumnarRatings train, List<NewUser> users, int skipped) {

    /** Copies the users. */
    public Split {
      Objects.requireNonNull(train, "train");
      users = List.copyOf(users);
    }
  }

  private NewUserEvaluation() {}

  /**
   * Holds {@code fraction} of the users out of {@code all}, each with {@code foldIn} of their
   * ratings to fold in from and the rest to test on.
   *
   * @throws IllegalArgumentException when the fraction is not between 0 and 1 or {@code foldIn} is
   *     below 1
   */
  public static Split split(ColumnarRatings all, double fraction, int foldIn, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "the share of new users must be between 0 and 1, got " + fraction);
    }
    if (foldIn < 1) {
      throw new IllegalArgumentException("fold-in needs at least 1 rating, got " + foldIn);
    }
    int userCount = all.users().size();
    int[] users = Shuffle.identity(userCount);
    Random random = new Random(seed ^ SALT);
    Shuffle.inPlace(users, random);
    int held = (int) Math.round(fraction * userCount);
    BitSet heldOut = new BitSet(userCount);
    for (int i = 0; i < held; i++) {
      heldOut.set(users[i]);
    }
    int[][] rowsOf = new int[userCount][];
    int[] counts = new int[userCount];
    for (int row = 0; row < all.size(); row++) {
      counts[all.userIndex(row)]++;
    }
    for (int user = 0; user < userCount; user++) {
      rowsOf[user] = new int[heldOut.get(user) ? counts[user] : 0];
    }
    int[] filled = new int[userCount];
    int[] kept = new int[all.size()];
    int keptCount = 0;
    for (int row = 0; row < all.size(); row++) {
      int user = all.userIndex(row);
      if (heldOut.get(user)) {
        rowsOf[user][filled[user]++] = row;
      } else {
        kept[keptCount++] = row;
      }
    }
    List<NewUser> newUsers = new ArrayList<>();
    int skipped = 0;
    for (int user = heldOut.nextSetBit(0); user >= 0; user = heldOut.nextSetBit(user + 1)) {
      int[] rows = rowsOf[user];
      if (rows.length <= foldIn) {
        skipped++;
        continue;
      }
      Shuffle.inPlace(rows, random);
      List<MovieRating> ratings = new ArrayList<>(foldIn);
      for (int i = 0; i < foldIn; i++) {
        ratings.add(
            new MovieRating(all.movies().rawId(all.movieIndex(rows[i])), all.rating(rows[i])));
      }
      int rest = rows.length - foldIn;
      int[] testMovies = new int[rest];
      float[] testRatings = new float[rest];
      for (int i = 0; i < rest; i++) {
        testMovies[i] = all.movies().rawId(all.movieIndex(rows[foldIn + i]));
        testRatings[i] = all.rating(rows[foldIn + i]);
      }
      newUsers.add(new NewUser(all.users().rawId(user), ratings, testMovies, testRatings));
    }
    return new Split(all.select(Arrays.copyOf(kept, keptCount)), newUsers, skipped);
  }

  /**
   * The top-k lists of the model for each new user, folded in from their fold-in ratings, against
   * their test ratings.
   */
  public static RankingMetrics evaluate(
      Model model, List<NewUser> users, EvaluationOptions options) {
    UserScores scores = new UserScores(users.size());
    BitSet shown = new BitSet(model.movies().size());
    for (int i = 0; i < users.size(); i++) {
      NewUser user = users.get(i);
      FoldedUser folded = model.foldIn(user.foldIn());
      int[] ranked =
          folded.recommend(options.k()).stream().mapToInt(Recommendation::rawMovieId).toArray();
      for (int movie : ranked) {
        shown.set(model.movies().indexOf(movie));
      }
      scores.record(i, ranked, relevant(user, options), options.k());
    }
    return scores.summarize(options.k(), options.relevanceThreshold(), coverage(shown, model));
  }

  /**
   * The most-rated movies of the training ratings for each new user, less their fold-in movies,
   * against their test ratings: the list a recommender without a model would show.
   */
  public static RankingMetrics mostRated(
      ColumnarRatings train, List<NewUser> users, EvaluationOptions options) {
    MoviePopularity popularity = MoviePopularity.of(train);
    IdIndex movies = popularity.movies();
    UserScores scores = new UserScores(users.size());
    BitSet shown = new BitSet(movies.size());
    for (int i = 0; i < users.size(); i++) {
      NewUser user = users.get(i);
      int[] rated = user.foldIn().stream().mapToInt(MovieRating::rawMovieId).sorted().toArray();
      TopN top = new TopN(options.k());
      for (int movie = 0; movie < movies.size(); movie++) {
        if (Arrays.binarySearch(rated, movies.rawId(movie)) < 0) {
          top.offer(movie, popularity.countAt(movie));
        }
      }
      int[] ranked =
          top.toList((id, score) -> movies.rawId(id)).stream()
              .mapToInt(Integer::intValue)
              .toArray();
      for (int movie : ranked) {
        shown.set(movies.indexOf(movie));
      }
      scores.record(i, ranked, relevant(user, options), options.k());
    }
    double coverage = movies.size() == 0 ? 0 : (double) shown.cardinality() / movies.size();
    return scores.summarize(options.k(), options.relevanceThreshold(), coverage);
  }

  private static int[] relevant(NewUser user, EvaluationOptions options) {
    return UserRanking.relevant(
        user.testMovies(),
        user.testRatings(),
        user.testMovies().length,
        options.relevanceThreshold());
  }

  private static double coverage(BitSet shown, Model model) {
    int catalog = model.movies().size();
    return catalog == 0 ? 0 : (double) shown.cardinality() / catalog;
  }
}
