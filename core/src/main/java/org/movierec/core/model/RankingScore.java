package org.movierec.core.model;

import java.util.Objects;

/**
 * What a model orders its lists by. Most models rank by their rating estimate before clipping; a
 * model may rank by a score of its own that is not a rating, such as a sum of item similarities or
 * a probability of watching, while {@link Model#predict} keeps answering with the rating estimate.
 *
 * @param name a short identifier for output, such as {@code rating_estimate}
 * @param description one line for people, saying what a higher score means
 */
public record RankingScore(String name, String description) {

  /** Lists ranked by the rating estimate before clipping, as {@link Model#predict} clips it. */
  public static final RankingScore RATING_ESTIMATE =
      new RankingScore("rating_estimate", "the predicted rating before clipping to the scale");

  /** Checks that both parts are present and the name is one token. */
  public RankingScore {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "ranking score name '" + name + "' must be lower case letters, digits and underscores");
    }
  }

  /** Tells whether lists are ranked by the rating estimate itself. */
  public boolean isRatingEstimate() {
    return equals(RATING_ESTIMATE);
  }
}
