package org.movierec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.MovieRating;

class NewUserEvaluationTest {

  /** 40 users; user u rates movies 0..(12 + u % 5), so some users have 12 ratings, some 16. */
  private static ColumnarRatings ratings() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, 40 * 17);
    for (int user = 0; user < 40; user++) {
      for (int movie = 0; movie <= 12 + user % 5; movie++) {
        builder.add(user + 1, 100 + movie, 1 + (user + movie) % 5, 0);
      }
    }
    return builder.build();
  }

  @Test
  void split_tenPercent_holdsWholeUsersOutAndFoldsInTheAskedCount() {
    ColumnarRatings all = ratings();
    NewUserEvaluation.Split split = NewUserEvaluation.split(all, 0.1, 10, 3);

    assertThat(split.users().size() + split.skipped()).isEqualTo(4);
    Set<Integer> trained = new HashSet<>();
    for (int row = 0; row < split.train().size(); row++) {
      trained.add(split.train().users().rawId(split.train().userIndex(row)));
    }
    assertThat(trained).hasSize(36);
    int ratingsOfHeldOut = 0;
    for (NewUserEvaluation.NewUser user : split.users()) {
      assertThat(trained).doesNotContain(user.rawUser());
      assertThat(user.foldIn()).hasSize(10);
      Set<Integer> movies = new HashSet<>();
      user.foldIn().forEach(r -> movies.add(r.rawMovieId()));
      for (int movie : user.testMovies()) {
        assertThat(movies.add(movie)).as("fold-in and test movies are disjoint").isTrue();
      }
      ratingsOfHeldOut += movies.size();
    }
    assertThat(split.train().size() + ratingsOfHeldOut).isLessThanOrEqualTo(all.size());
  }

  @Test
  void split_sameSeed_sameUsersAndRatings_otherSeed_otherUsers() {
    ColumnarRatings all = ratings();
    List<Integer> first = raw(NewUserEvaluation.split(all, 0.25, 5, 7));
    assertThat(raw(NewUserEvaluation.split(all, 0.25, 5, 7))).isEqualTo(first);
    assertThat(raw(NewUserEvaluation.split(all, 0.25, 5, 8))).isNotEqualTo(first);
    List<MovieRating> foldIn = NewUserEvaluation.split(all, 0.25, 5, 7).users().get(0).foldIn();
    assertThat(NewUserEvaluation.split(all, 0.25, 5, 7).users().get(0).foldIn()).isEqualTo(foldIn);
  }

  @Test
  void split_userWithNoRatingBeyondTheFoldIn_isSkipped() {
    NewUserEvaluation.Split split = NewUserEvaluation.split(ratings(), 0.5, 13, 1);
    // Users with 13 movies (u % 5 == 0) have no test rating left after 13 fold-in ratings.
    assertThat(split.skipped()).isPositive();
    assertThat(split.users()).allMatch(user -> user.testMovies().length > 0);
  }

  @Test
  void split_badShareOrCount_saysWhatIsAllowed() {
    assertThatThrownBy(() -> NewUserEvaluation.split(ratings(), 1.0, 10, 1))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> NewUserEvaluation.split(ratings(), 0.1, 0, 1))
        .hasMessageContaining("at least 1");
  }

  @Test
  void mostRated_leavesOutTheFoldInMovies() {
    ColumnarRatings all = ratings();
    NewUserEvaluation.Split split = NewUserEvaluation.split(all, 0.1, 10, 3);
    // 17 movies, 10 of them folded in: a list of 7 holds every other movie, so it finds every
    // relevant test movie only if it leaves the fold-in movies out (the most rated ones, 100 to
    // 112, are rated by every user and would otherwise lead it).
    RankingMetrics metrics =
        NewUserEvaluation.mostRated(
            split.train(), split.users(), EvaluationOptions.DEFAULTS.withK(7));
    assertThat(split.train().movies().size()).isEqualTo(17);
    assertThat(metrics.users() - metrics.usersWithoutRelevant()).isPositive();
    assertThat(metrics.recall()).isEqualTo(1.0);
  }

  private static List<Integer> raw(NewUserEvaluation.Split split) {
    return split.users().stream().map(NewUserEvaluation.NewUser::rawUser).toList();
  }
}
