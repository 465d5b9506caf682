package org.movierec.core.model;

import java.util.List;
import org.movierec.core.data.IdIndex;

/**
 * Anything that lists movies for a user from a catalog: every trained {@link Model}, and the
 * popularity baseline its lists are measured against. Implementations are safe to call from many
 * threads at once.
 */
public interface Recommender {

  /** The catalog it recommends from. */
  IdIndex movies();

  /**
   * The movies the request admits that the user did not rate in training, best first by the
   * recommender's ranking score, exact ties to the lower raw movie id; at most {@code
   * request.count()}, fewer when fewer are admissible.
   *
   * @throws UnknownIdException when a model does not know the user and its policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  List<Recommendation> recommend(int rawUserId, RecommendRequest request);

  /**
   * The best {@code count} movies the user did not rate; see {@link #recommend(int,
   * RecommendRequest)}.
   */
  default List<Recommendation> recommend(int rawUserId, int count) {
    return recommend(rawUserId, RecommendRequest.top(count));
  }
}
