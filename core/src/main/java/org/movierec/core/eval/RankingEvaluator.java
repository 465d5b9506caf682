package org.movierec.core.eval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.Recommender;

/**
 * Computes {@link RankingMetrics} of a model's top-k lists against test ratings. Each list comes
 * from {@link Model#recommend}, which ranks every movie the model knows except the user's training
 * movies, so no negatives are sampled. Memory stays bounded: users are taken one at a time and only
 * their k best movies are kept, never all unseen pairs. With several threads, users are shared out
 * dynamically but summed in user order, so the result does not depend on the thread count.
 */
public final class RankingEvaluator {

  private final EvaluationOptions options;

  /** An evaluator with the given list length, relevance threshold and thread count. */
  public RankingEvaluator(EvaluationOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Measures the top-k lists of every user with a test rating; test movies the model does not know
   * stay relevant but can never be recommended.
   *
   * @throws IllegalArgumentException when a test user is unknown to the model and its cold-start
   *     policy is {@link ColdStartPolicy#ERROR}
   */
  public RankingMetrics evaluate(Model model, RatingDataset test) {
    TestUsers testUsers = TestUsers.of(test);
    if (model.coldStartPolicy() == ColdStartPolicy.ERROR) {
      for (int user = 0; user < testUsers.count(); user++) {
        if (!model.knowsUser(testUsers.rawUser(user))) {
          throw new IllegalArgumentException(
              "test user "
                  + testUsers.rawUser(user)
                  + " is unknown to the model and its cold_start policy is error; evaluate with"
                  + " cold_start=fallback to rank movies for new users by the bias estimate");
        }
      }
    }
    return evaluate((Recommender) model, test);
  }

  /**
   * Measures the top-k lists of any recommender, such as the popularity baseline, for every user
   * with a test rating; test movies it cannot list stay relevant.
   */
  public RankingMetrics evaluate(Recommender recommender, RatingDataset test) {
    TestUsers testUsers = TestUsers.of(test);
    UserScores scores = new UserScores(testUsers.count());
    BitSet recommended = score(recommender, test, testUsers, scores);
    int catalog = recommender.movies().size();
    return scores.summarize(
        options.k(),
        options.relevanceThreshold(),
        catalog == 0 ? 0 : (double) recommended.cardinality() / catalog);
  }

  private BitSet score(
      Recommender model, RatingDataset test, TestUsers testUsers, UserScores scores) {
    AtomicInteger next = new AtomicInteger();
    if (options.threads() == 1) {
      return new Worker(model, test, testUsers, scores, next).call();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            task -> {
              Thread thread = new Thread(task, "movierec-eval");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<BitSet>> futures = new ArrayList<>();
      for (int t = 0; t < options.threads(); t++) {
        futures.add(pool.submit(new Worker(model, test, testUsers, scores, next)));
      }
      BitSet union = new BitSet();
      for (Future<BitSet> future : futures) {
        union.or(future.get());
      }
      return union;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ranking movies for test users", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("ranking movies for test users failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Takes users off a shared counter and scores each; returns the movies it saw recommended. */
  private final class Worker implements Callable<BitSet> {
    private final Recommender model;
    private final RatingDataset test;
    private final TestUsers testUsers;
    private final UserScores scores;
    private final AtomicInteger next;

    Worker(
        Recommender model,
        RatingDataset test,
        TestUsers testUsers,
        UserScores scores,
        AtomicInteger next) {
      this.model = model;
      this.test = test;
      this.testUsers = testUsers;
      this.scores = scores;
      this.next = next;
    }

    @Override
    public BitSet call() {
      BitSet recommended = new BitSet(model.movies().size());
      try {
        for (int user = next.getAndIncrement();
            user < testUsers.count();
            user = next.getAndIncrement()) {
          score(user, recommended);
        }
      } catch (RuntimeException e) {
        // the other workers stop after their current user
        next.set(testUsers.count());
        throw e;
      }
      return recommended;
    }

    private void score(int user, BitSet recommended) {
      int[] relevant = testUsers.relevantMovies(user, test, options.relevanceThreshold());
      List<Recommendation> list = model.recommend(testUsers.rawUser(user), options.k());
      int[] ranked = new int[list.size()];
      for (int i = 0; i < ranked.length; i++) {
        ranked[i] = list.get(i).rawMovieId();
        int dense = model.movies().indexOf(ranked[i]);
        if (dense >= 0) {
          recommended.set(dense);
        }
      }
      scores.record(user, ranked, relevant, options.k());
    }
  }
}
