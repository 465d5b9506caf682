package org.movierec.backend.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.UserRanking;
import org.movierec.core.model.RatedItems;
import org.movierec.core.random.Shuffle;
import org.movierec.core.rank.TopN;

/**
 * The validation measure of a ranking objective: the mean NDCG@10 of each validation user's top 10
 * over the movies they did not rate in the fitted ratings, relevant = validation rating of 4 or
 * more (the protocol {@code evaluate} and {@code cv} use). At most {@link #MAX_USERS} users, drawn
 * with the seed, so that an epoch's check costs a bounded number of catalog scorings.
 */
final class DjlValidationRanking {

  /** The most validation users scored per epoch. */
  static final int MAX_USERS = 2000;

  private static final int K = EvaluationOptions.DEFAULTS.k();

  private final int[] users;
  private final int[][] relevant;
  private final RatedItems fitted;

  private DjlValidationRanking(int[] users, int[][] relevant, RatedItems fitted) {
    this.users = users;
    this.relevant = relevant;
    this.fitted = fitted;
  }

  /**
   * The users of the validation pairs with a relevant movie, up to {@link #MAX_USERS} of them drawn
   * with {@code seed}.
   */
  static DjlValidationRanking of(DjlTrainingData.Pairs pairs, RatedItems fitted, long seed) {
    double threshold = EvaluationOptions.DEFAULTS.relevanceThreshold();
    int userCount = fitted.userCount();
    int[] counts = new int[userCount];
    for (int i = 0; i < pairs.size(); i++) {
      if (pairs.ratings()[i] >= threshold) {
        counts[pairs.users()[i]]++;
      }
    }
    List<Integer> withRelevant = new ArrayList<>();
    for (int user = 0; user < userCount; user++) {
      if (counts[user] > 0) {
        withRelevant.add(user);
      }
    }
    int[] chosen = withRelevant.stream().mapToInt(Integer::intValue).toArray();
    if (chosen.length > MAX_USERS) {
      Shuffle.inPlace(chosen, new Random(seed ^ 0x5DEECE66DL));
      chosen = Arrays.copyOf(chosen, MAX_USERS);
    }
    Arrays.sort(chosen);
    int[] slot = new int[userCount];
    Arrays.fill(slot, -1);
    int[][] relevant = new int[chosen.length][];
    for (int i = 0; i < chosen.length; i++) {
      slot[chosen[i]] = i;
      relevant[i] = new int[counts[chosen[i]]];
    }
    int[] filled = new int[chosen.length];
    for (int i = 0; i < pairs.size(); i++) {
      int s = slot[pairs.users()[i]];
      if (s >= 0 && pairs.ratings()[i] >= threshold) {
        relevant[s][filled[s]++] = pairs.movies()[i];
      }
    }
    for (int[] movies : relevant) {
      Arrays.sort(movies);
    }
    return new DjlValidationRanking(chosen, relevant, fitted);
  }

  /** The number of users measured. */
  int size() {
    return users.length;
  }

  /** The mean NDCG@10 of the ranking scorer's lists; NaN without a user to measure. */
  double ndcg(DjlScorer scorer) {
    if (users.length == 0) {
      return Double.NaN;
    }
    float[] scores = new float[scorer.movieCount()];
    TopN top = new TopN(K);
    double sum = 0;
    for (int i = 0; i < users.length; i++) {
      int user = users[i];
      scorer.scoreCatalog(user, scores);
      for (int movie : fitted.moviesOf(user)) {
        scores[movie] = Float.NEGATIVE_INFINITY;
      }
      top.clear();
      for (int movie = 0; movie < scores.length; movie++) {
        if (scores[movie] != Float.NEGATIVE_INFINITY) {
          top.offer(movie, scores[movie]);
        }
      }
      int[] ranked = top.toList((id, score) -> id).stream().mapToInt(Integer::intValue).toArray();
      sum += UserRanking.of(ranked, relevant[i], K).map(UserRanking::ndcg).orElse(0.0);
    }
    return sum / users.length;
  }
}
