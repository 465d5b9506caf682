package org.movierec.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time of {@code Model.foldIn} for a new user with 20 ratings, alone and followed by the new
 * user's top-10 list, cycling through 64 such users.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Doffline=true", "-Dai.djl.offline=true"})
public class FoldInBenchmark {

  /** Ratings per new user. */
  static final int RATINGS = 20;

  /** New users of 20 ratings each on random known movies, drawn once per trial. */
  @State(Scope.Thread)
  public static class NewUsers {
    List<List<MovieRating>> users = new ArrayList<>();
    int next;

    /** Draws the users with a fixed seed. */
    @Setup(Level.Trial)
    public void draw(TrainedModel trained) {
      SplittableRandom random = new SplittableRandom(5);
      for (int u = 0; u < 64; u++) {
        List<MovieRating> ratings = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (ratings.size() < RATINGS) {
          int movie = trained.movieIds[random.nextInt(trained.movieIds.length)];
          if (seen.add(movie)) {
            ratings.add(new MovieRating(movie, 1 + random.nextInt(5)));
          }
        }
        users.add(ratings);
      }
    }

    List<MovieRating> nextUser() {
      List<MovieRating> user = users.get(next);
      next = (next + 1) % users.size();
      return user;
    }
  }

  /** Fits one new user. */
  @Benchmark
  public FoldedUser foldIn(TrainedModel trained, NewUsers users) {
    return trained.model.foldIn(users.nextUser());
  }

  /** Fits one new user and lists their ten best movies. */
  @Benchmark
  public List<Recommendation> foldInAndRecommendTop10(TrainedModel trained, NewUsers users) {
    return trained.model.foldIn(users.nextUser()).recommend(10);
  }
}
