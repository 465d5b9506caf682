package org.movierec.core.testbackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelContractTest;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.contract.TrainerContractTest;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.SimilarMovie;
import org.movierec.core.spi.BackendProvider;

/**
 * Runs the contract tests against backends with one injected defect each and checks that the test
 * covering that defect fails, so that a contract test which passes everything would be noticed.
 */
class ContractTestsCatchDefectsTest {

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(Unclipped.class, "predict_everyPairIncludingUnknownIds_staysOnTheRatingScale"),
        Arguments.of(
            RecommendsRatedMovies.class,
            "recommend_everyKnownUser_leavesOutTrainingMoviesAndRanksByRawScore"),
        Arguments.of(
            RanksByClippedScore.class,
            "recommend_everyKnownUser_leavesOutTrainingMoviesAndRanksByRawScore"),
        Arguments.of(
            RanksByEstimateNotRankingScore.class,
            "recommend_everyKnownUser_leavesOutTrainingMoviesAndRanksByRawScore"),
        Arguments.of(
            FoldInRanksByEstimate.class,
            "foldIn_recommend_leavesOutTheGivenMoviesAndRanksByRawScore"),
        Arguments.of(
            IgnoresRequestConditions.class,
            "recommend_requestWithExclusionsFilterAndFloor_isTheFullListWithoutWhatItRejects"),
        Arguments.of(
            IgnoresErrorPolicy.class,
            "predictAndRecommend_unknownIdsUnderErrorPolicy_throwUnknownIdException"),
        Arguments.of(
            LossyLoad.class, "saveThenLoad_throughTheProvider_givesIdenticalPredictionsAndLists"),
        Arguments.of(
            GlobalMeanFallback.class,
            "predict_unknownIdsUnderFallback_answersWithTheBiasEstimateOfTheTrainingRatings"),
        Arguments.of(
            NotLearning.class, "heldOutRmse_syntheticRatings_isWellBelowTheGlobalMeanPredictors"),
        Arguments.of(
            FoldInIgnoresRatings.class,
            "foldIn_eachUsersTrainingRatings_predictsTheirTestRatingsBetterThanColdStart"),
        Arguments.of(
            FoldInRecommendsGivenMovies.class,
            "foldIn_recommend_leavesOutTheGivenMoviesAndRanksByRawScore"),
        Arguments.of(
            SimilarListsTheMovieItself.class,
            "similarMovies_eitherRanksByCosineWithoutTheMovieOrSaysTheBackendCannot"),
        Arguments.of(SecondCloseThrows.class, "close_calledTwice_isHarmless"),
        Arguments.of(SecondCloseThrowsTrainer.class, "close_trainedModelTwice_isHarmless"),
        Arguments.of(Nondeterministic.class, "train_sameConfigTwice_givesIdenticalPredictions"),
        Arguments.of(
            ClaimsUnratedIds.class,
            "train_viewWhoseIndexHoldsUnratedIds_knowsExactlyTheRatedUsersAndMovies"),
        Arguments.of(SilentTrainer.class, "train_listener_hearsTheStartEveryEpochInOrderAndTheEnd"),
        Arguments.of(
            SilentTrainer.class,
            "train_stopRequestedFromTheStart_stopsBeforeAnyBatchWithoutAnEnd"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defects")
  void contract_backendWithADefect_failsTheTestCoveringIt(Class<?> contract, String coveringTest) {
    Outcome outcome = run(contract);

    assertThat(outcome.failed).contains(coveringTest);
  }

  @Test
  void contract_soundBackend_passesEveryTest() {
    Outcome model = run(MeanBiasModelContractTest.class);
    Outcome trainer = run(MeanBiasTrainerContractTest.class);
    Outcome ranked = run(RankedMeanBiasModelContractTest.class);
    Outcome harness = run(Sound.class);

    assertThat(harness.failed).as("the harness's own configuration").isEmpty();
    assertThat(model.failed).isEmpty();
    assertThat(ranked.failed).as("a model with its own ranking score").isEmpty();
    assertThat(ranked.passed).isNotEmpty();
    assertThat(trainer.failed).isEmpty();
    assertThat(model.passed).isNotEmpty();
    assertThat(trainer.passed).isNotEmpty();
  }

  /** Which test methods of a class passed and failed. */
  private record Outcome(List<String> passed, List<String> failed) {}

  private static Outcome run(Class<?> testClass) {
    List<String> passed = Collections.synchronizedList(new ArrayList<>());
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()
                && test.getSource().orElse(null)
                    instanceof org.junit.platform.engine.support.descriptor.MethodSource method) {
              boolean success = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
              (success ? passed : failed).add(method.getMethodName());
            }
          }
        });
    return new Outcome(passed, failed);
  }

  /**
   * The mean-bias backend with little user-bias shrinkage, so that the synthetic user who rates
   * everything 5 gets several unseen movies scored above the scale, where a clipped ranking ties.
   */
  private static TrainingConfig config() {
    return TrainingConfig.builder()
        .set("backend", MeanBiasTestBackend.NAME)
        .set("bias_reg_user", "1")
        .build();
  }

  /** A model contract over a given backend. */
  abstract static class ModelContract extends ModelContractTest {
    abstract BackendProvider backend();

    @Override
    protected BackendProvider provider() {
      return backend();
    }

    @Override
    protected TrainingConfig config() {
      return ContractTestsCatchDefectsTest.config();
    }
  }

  /** A trainer contract over a given backend. */
  abstract static class TrainerContract extends TrainerContractTest {
    abstract BackendProvider backend();

    @Override
    protected BackendProvider provider() {
      return backend();
    }

    @Override
    protected TrainingConfig config() {
      return ContractTestsCatchDefectsTest.config();
    }
  }

  /** The harness's configuration on the sound backend, which must pass everything. */
  static class Sound extends ModelContract {
    @Override
    BackendProvider backend() {
      return new MeanBiasTestBackend();
    }
  }

  /** Adds a constant to every prediction, after clipping. */
  private static Model shifted(Model model, float shift) {
    return new ForwardingModel(model) {
      @Override
      public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
        float[] predictions = delegate.predict(rawUserIds, rawMovieIds);
        for (int i = 0; i < predictions.length; i++) {
          predictions[i] += shift;
        }
        return predictions;
      }
    };
  }

  static class Unclipped extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(model -> shifted(model, 2f));
    }
  }

  static class RecommendsRatedMovies extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
                  int[] movies =
                      Arrays.copyOf(movies().rawIds(), Math.min(request.count(), movies().size()));
                  int[] users = new int[movies.length];
                  Arrays.fill(users, rawUserId);
                  float[] scores = predict(users, movies);
                  List<Recommendation> list = new ArrayList<>();
                  for (int i = 0; i < movies.length; i++) {
                    list.add(new Recommendation(movies[i], scores[i], scores[i]));
                  }
                  return list;
                }
              });
    }
  }

  /**
   * Ranks by the score clipped to the rating scale, ties to the lower id, as movierec did before:
   * every movie above the top of the scale ties, so the list is in id order there.
   */
  static class RanksByClippedScore extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
                  List<Recommendation> all =
                      new ArrayList<>(
                          delegate.recommend(
                              rawUserId,
                              RecommendRequest.builder()
                                  .setCount(Integer.MAX_VALUE)
                                  .optExclude(request.excludedMovies())
                                  .optFilter(request.filter())
                                  .optMinRatings(request.minRatings())
                                  .build()));
                  all.sort(
                      Comparator.comparingDouble(Recommendation::predictedRating)
                          .reversed()
                          .thenComparingInt(Recommendation::rawMovieId));
                  return List.copyOf(all.subList(0, Math.min(request.count(), all.size())));
                }
              });
    }
  }

  /** Sorts a list by its entries' predicted ratings, ties to the lower id. */
  private static List<Recommendation> byEstimate(List<Recommendation> list, int count) {
    List<Recommendation> sorted = new ArrayList<>(list);
    sorted.sort(
        Comparator.comparingDouble(Recommendation::predictedRating)
            .reversed()
            .thenComparingInt(Recommendation::rawMovieId));
    return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
  }

  /**
   * A model with a ranking score of its own that orders known users' lists by its rating estimate
   * instead, keeping each entry's score and predicted rating.
   */
  static class RanksByEstimateNotRankingScore extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModelOf(
          new RankedMeanBiasTestBackend(),
          model ->
              new ForwardingModel(model) {
                @Override
                public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
                  return byEstimate(
                      delegate.recommend(rawUserId, Integer.MAX_VALUE), request.count());
                }
              });
    }
  }

  /** The same defect in a folded-in user's lists. */
  static class FoldInRanksByEstimate extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModelOf(
          new RankedMeanBiasTestBackend(),
          model ->
              new ForwardingModel(model) {
                @Override
                public FoldedUser foldIn(List<MovieRating> ratings) {
                  FoldedUser fitted = delegate.foldIn(ratings);
                  return new FoldedUser() {
                    @Override
                    public List<MovieRating> ratings() {
                      return fitted.ratings();
                    }

                    @Override
                    public int fittedRatings() {
                      return fitted.fittedRatings();
                    }

                    @Override
                    public float[] predict(int[] rawMovieIds) {
                      return fitted.predict(rawMovieIds);
                    }

                    @Override
                    public float[] rankingScores(int[] rawMovieIds) {
                      return fitted.rankingScores(rawMovieIds);
                    }

                    @Override
                    public List<Recommendation> recommend(RecommendRequest request) {
                      return byEstimate(fitted.recommend(Integer.MAX_VALUE), request.count());
                    }
                  };
                }
              });
    }
  }

  /** Answers every request as a plain top-N, ignoring exclusions, filter and floor. */
  static class IgnoresRequestConditions extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
                  return delegate.recommend(rawUserId, request.count());
                }
              });
    }
  }

  static class IgnoresErrorPolicy extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.ignoringErrorPolicy();
    }
  }

  static class LossyLoad extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.loadedModels(model -> shifted(model, -0.001f));
    }
  }

  static class GlobalMeanFallback extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
                  float[] predictions = delegate.predict(rawUserIds, rawMovieIds);
                  float mean =
                      delegate.predict(
                          SyntheticRatings.UNKNOWN_USER, SyntheticRatings.UNKNOWN_MOVIE);
                  for (int i = 0; i < predictions.length; i++) {
                    if (!knowsUser(rawUserIds[i]) || !knowsMovie(rawMovieIds[i])) {
                      predictions[i] = mean;
                    }
                  }
                  return predictions;
                }
              });
    }
  }

  static class NotLearning extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
                  float[] predictions = delegate.predict(rawUserIds, rawMovieIds);
                  Arrays.fill(predictions, 3f);
                  return predictions;
                }
              });
    }
  }

  static class FoldInIgnoresRatings extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public FoldedUser foldIn(List<MovieRating> ratings) {
                  return delegate.foldIn(List.of());
                }
              });
    }
  }

  static class FoldInRecommendsGivenMovies extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public FoldedUser foldIn(List<MovieRating> ratings) {
                  FoldedUser fitted = delegate.foldIn(ratings);
                  FoldedUser blank = delegate.foldIn(List.of());
                  return new FoldedUser() {
                    @Override
                    public List<MovieRating> ratings() {
                      return fitted.ratings();
                    }

                    @Override
                    public int fittedRatings() {
                      return fitted.fittedRatings();
                    }

                    @Override
                    public float[] predict(int[] rawMovieIds) {
                      return blank.predict(rawMovieIds);
                    }

                    @Override
                    public float[] rankingScores(int[] rawMovieIds) {
                      return blank.rankingScores(rawMovieIds);
                    }

                    @Override
                    public List<Recommendation> recommend(RecommendRequest request) {
                      return blank.recommend(request);
                    }
                  };
                }
              });
    }
  }

  /** A movie vector backend whose similar movies start with the movie asked about. */
  static class SimilarListsTheMovieItself extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public List<SimilarMovie> similarMovies(int rawMovieId, RecommendRequest request) {
                  List<SimilarMovie> list = new ArrayList<>();
                  list.add(new SimilarMovie(rawMovieId, 1f));
                  for (int movie : movies().rawIds()) {
                    if (movie != rawMovieId && list.size() < request.count()) {
                      list.add(new SimilarMovie(movie, 0f));
                    }
                  }
                  return list;
                }
              });
    }
  }

  /** A model that refuses a second close. */
  private static Model closingOnce(Model model) {
    return new ForwardingModel(model) {
      private boolean closed;

      @Override
      public void close() {
        if (closed) {
          throw new IllegalStateException("already closed");
        }
        closed = true;
        delegate.close();
      }
    };
  }

  static class SecondCloseThrows extends ModelContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(ContractTestsCatchDefectsTest::closingOnce);
    }
  }

  static class SecondCloseThrowsTrainer extends TrainerContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(ContractTestsCatchDefectsTest::closingOnce);
    }
  }

  static class Nondeterministic extends TrainerContract {
    private final AtomicInteger trainings = new AtomicInteger();

    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model -> shifted(model, trainings.incrementAndGet() * 1e-3f));
    }
  }

  static class ClaimsUnratedIds extends TrainerContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.everyModel(
          model ->
              new ForwardingModel(model) {
                @Override
                public boolean knowsUser(int rawUserId) {
                  return true;
                }
              });
    }
  }

  static class SilentTrainer extends TrainerContract {
    @Override
    BackendProvider backend() {
      return DefectiveBackend.silentTrainer();
    }
  }
}
