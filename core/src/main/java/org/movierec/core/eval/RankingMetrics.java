package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How well each test user's top-k list, chosen from every movie the model knows except the user's
 * training movies, finds the movies the user rated at or above the relevance threshold in the test
 * set. Precision, recall, NDCG, MAP and hit rate are means over the users with at least one
 * relevant test movie; the others are counted in {@code usersWithoutRelevant} and left out, since
 * no list can be right or wrong for them. Coverage looks at the lists of all test users.
 *
 * @param k the list length
 * @param relevanceThreshold the lowest test rating that counts as relevant
 * @param users the users the means are taken over
 * @param usersWithoutRelevant test users left out of the means for lack of a relevant test movie
 * @param precision the mean share of the k slots holding a relevant movie (hits / k)
 * @param recall the mean share of a user's relevant movies found in the list
 * @param ndcg the mean normalized discounted cumulative gain with binary relevance
 * @param map the mean average precision, each user's sum of precisions at hits divided by {@code
 *     min(relevant, k)}
 * @param hitRate the share of users with at least one relevant movie in their list
 * @param coverage the share of the model's movies that appear in at least one test user's list
 */
public record RankingMetrics(
    @JsonProperty("k") int k,
    @JsonProperty("relevance_threshold") double relevanceThreshold,
    @JsonProperty("users") int users,
    @JsonProperty("users_without_relevant") int usersWithoutRelevant,
    @JsonProperty("precision") double precision,
    @JsonProperty("recall") double recall,
    @JsonProperty("ndcg") double ndcg,
    @JsonProperty("map") double map,
    @JsonProperty("hit_rate") double hitRate,
    @JsonProperty("coverage") double coverage) {

  /** Checks counts and that every mean is a share, or {@code NaN} when no user was measured. */
  public RankingMetrics {
    if (k < 1 || users < 0 || usersWithoutRelevant < 0) {
      throw new IllegalArgumentException(
          "need k >= 1 and user counts >= 0, got k="
              + k
              + " users="
              + users
              + " users without relevant="
              + usersWithoutRelevant);
    }
    checkShare("precision", precision, users);
    checkShare("recall", recall, users);
    checkShare("ndcg", ndcg, users);
    checkShare("map", map, users);
    checkShare("hit rate", hitRate, users);
    checkShare("coverage", coverage, 1);
  }

  /** Room for rounding in means of shares. */
  private static final double ROUNDING = 1e-9;

  private static void checkShare(String name, double value, int users) {
    boolean valid = users == 0 ? Double.isNaN(value) : value >= 0 && value <= 1 + ROUNDING;
    if (!valid) {
      throw new IllegalArgumentException(
          name
              + " must be NaN without users and within 0..1 otherwise, got "
              + value
              + " over "
              + users
              + " users");
    }
  }
}
