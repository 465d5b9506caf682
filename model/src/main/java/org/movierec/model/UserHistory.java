package org.movierec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a network represents a user: by their own embedding alone, or by their own embedding plus the
 * normalized sum of the movie embeddings of the movies they rated (SVD++'s implicit feedback, as
 * Koren 2008; YouTube's watch history, as Covington et al. 2016). With a history, a new user's
 * vector comes from their ratings at once and a rating added later changes it without any fitting.
 */
public enum UserHistory {
  /** The user's own embedding row only. */
  NONE,
  /** Own embedding plus the mean of the rated movies' embeddings: the sum times {@code 1/n}. */
  MEAN,
  /** Own embedding plus the sum of the rated movies' embeddings times {@code 1/sqrt(n)}. */
  SQRT,
  /**
   * The sum of the rated movies' embeddings times {@code 1/sqrt(n)} alone, without the user's own
   * embedding (FISM's user, Kabbur et al. 2013): a user is their ratings and nothing else, so a new
   * user is formed exactly as a trained one and the user table stays untrained.
   */
  SQRT_ONLY;

  /** The lower-case name used in JSON specs. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Tells whether the user vector includes the user's own embedding row. */
  public boolean usesOwnEmbedding() {
    return this != SQRT_ONLY;
  }

  /** Tells whether the user vector includes the rated movies' embeddings. */
  public boolean usesHistory() {
    return this != NONE;
  }

  /** The factor the sum of {@code rated} movie embeddings is multiplied by; 0 when none. */
  public float weight(int rated) {
    if (rated == 0) {
      return 0f;
    }
    return switch (this) {
      case NONE -> 0f;
      case MEAN -> 1f / rated;
      case SQRT, SQRT_ONLY -> (float) (1 / Math.sqrt(rated));
    };
  }

  /**
   * Parses a JSON name.
   *
   * @throws NetworkSpecException naming the allowed values
   */
  @JsonCreator
  public static UserHistory fromJson(String name) {
    for (UserHistory history : values()) {
      if (history.jsonName().equals(name)) {
        return history;
      }
    }
    throw new NetworkSpecException(
        "unknown user_history '"
            + name
            + "'; allowed: "
            + Arrays.stream(values()).map(UserHistory::jsonName).collect(Collectors.joining(", ")));
  }
}
