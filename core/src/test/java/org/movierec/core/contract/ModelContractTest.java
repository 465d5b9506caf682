package org.movierec.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieFilter;
import org.movierec.core.model.MoviePopularity;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.SimilarMovie;
import org.movierec.core.model.UnknownIdException;
import org.movierec.core.model.UnsupportedByModelException;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

/**
 * What every backend's trained model must do, checked on one model trained once on {@link
 * SyntheticRatings}: learn, survive a save and load, stay on the rating scale, honour the
 * cold-start policy, recommend unseen movies best first by the raw score (never by the clipped
 * one), bound lists by the catalog, honour a request's exclusions, filter and popularity floor,
 * know each movie's training popularity, fold in new users, find similar movies or say it cannot,
 * answer the same from many threads, and close twice without harm. A backend runs it by extending
 * this class with its provider and a configuration that trains 1500 ratings in a few seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelContractTest {

  private static final int THREADS = 8;
  private static final float SAME_SCORE = 1e-5f;
  private static final float BIAS_TOLERANCE = 1e-4f;

  /** A popularity floor that about half of the synthetic movies reach. */
  private static final int FLOOR_RATINGS = 30;

  private SyntheticRatings data;
  private Model model;

  /** The backend under test. */
  protected abstract BackendProvider provider();

  /** A training configuration that fits {@link SyntheticRatings} well within seconds. */
  protected abstract TrainingConfig config();

  /**
   * The largest allowed ratio of the model's held-out RMSE to the global-mean predictor's; a
   * backend may tighten it.
   */
  protected double maxRmseRatioToGlobalMean() {
    return 0.85;
  }

  @BeforeAll
  void trainOnce() {
    data = SyntheticRatings.create();
    model = provider().newTrainer().train(data.train(), configWith(ColdStartPolicy.FALLBACK));
  }

  @AfterAll
  void closeModel() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void heldOutRmse_syntheticRatings_isWellBelowTheGlobalMeanPredictors() {
    RatingMetrics trained = RatingEvaluator.evaluate(model, data.test());
    RatingMetrics globalMean = RatingEvaluator.globalMean(data.train(), data.test());

    assertThat(trained.coldPairs()).isZero();
    assertThat(trained.rmse())
        .as("held-out RMSE against the global mean's %s", globalMean.rmse())
        .isLessThan(maxRmseRatioToGlobalMean() * globalMean.rmse());
  }

  @Test
  void saveThenLoad_throughTheProvider_givesIdenticalPredictionsAndLists(@TempDir Path dir)
      throws IOException {
    ModelFile file = ModelFile.read(saved(dir));

    assertThat(file.backend()).isEqualTo(provider().name());
    try (Model loaded = provider().load(file, runtime(ColdStartPolicy.FALLBACK))) {
      assertSameAnswers(loaded);
      assertThat(loaded.info().backend()).isEqualTo(provider().name());
      assertThat(loaded.info().config()).isEqualTo(model.info().config());
      assertThat(loaded.info().summary()).isEqualTo(model.info().summary());
    }
  }

  @Test
  void saveThenLoad_throughARegistry_findsTheBackendThatWroteIt(@TempDir Path dir)
      throws IOException {
    BackendRegistry registry = new BackendRegistry(List.of(provider()));

    try (Model loaded = registry.load(saved(dir), runtime(ColdStartPolicy.FALLBACK))) {
      assertSameAnswers(loaded);
    }
  }

  @Test
  void predict_everyPairIncludingUnknownIds_staysOnTheRatingScale() {
    float[] predicted = model.predict(SyntheticRatings.pairUsers(), SyntheticRatings.pairMovies());

    RatingScale scale = model.scale();
    assertThat(scale).isEqualTo(RatingScale.WHOLE_STARS);
    for (float prediction : predicted) {
      assertThat(prediction).isBetween(scale.min(), scale.max());
    }
  }

  @Test
  void predictAndRecommend_unknownIdsUnderErrorPolicy_throwUnknownIdException(@TempDir Path dir)
      throws IOException {
    int user = SyntheticRatings.rawUser(5);
    int movie = SyntheticRatings.rawMovie(7);
    try (Model strict =
        provider().load(ModelFile.read(saved(dir)), runtime(ColdStartPolicy.ERROR))) {
      assertThat(strict.coldStartPolicy()).isEqualTo(ColdStartPolicy.ERROR);
      assertThatThrownBy(() -> strict.predict(SyntheticRatings.UNKNOWN_USER, movie))
          .isInstanceOf(UnknownIdException.class)
          .hasMessageContaining(String.valueOf(SyntheticRatings.UNKNOWN_USER));
      assertThatThrownBy(() -> strict.predict(user, SyntheticRatings.UNKNOWN_MOVIE))
          .isInstanceOf(UnknownIdException.class)
          .hasMessageContaining(String.valueOf(SyntheticRatings.UNKNOWN_MOVIE));
      assertThatThrownBy(
              () ->
                  strict.predict(
                      new int[] {user, SyntheticRatings.UNKNOWN_USER}, new int[] {movie, movie}))
          .isInstanceOf(UnknownIdException.class);
      assertThatThrownBy(() -> strict.recommend(SyntheticRatings.UNKNOWN_USER, 5))
          .isInstanceOf(UnknownIdException.class);
      assertThat(strict.predict(user, movie)).isEqualTo(model.predict(user, movie));
    }
  }

  @Test
  void predict_unknownIdsUnderFallback_answersWithTheBiasEstimateOfTheTrainingRatings() {
    RatingDataset train = data.train();
    TrainingConfig config = config();
    Biases biases =
        Biases.fit(
            train,
            config.get(Keys.BIAS_REG_USER),
            config.get(Keys.BIAS_REG_MOVIE),
            config.get(Keys.BIAS_ITERATIONS));
    int user = SyntheticRatings.rawUser(5);
    int movie = SyntheticRatings.rawMovie(7);
    int denseUser = train.users().indexOf(user);
    int denseMovie = train.movies().indexOf(movie);
    RatingScale scale = model.scale();

    assertThat(model.predict(SyntheticRatings.UNKNOWN_USER, movie))
        .isCloseTo(scale.clip(biases.estimate(-1, denseMovie)), within(BIAS_TOLERANCE));
    assertThat(model.predict(user, SyntheticRatings.UNKNOWN_MOVIE))
        .isCloseTo(scale.clip(biases.estimate(denseUser, -1)), within(BIAS_TOLERANCE));
    assertThat(model.predict(SyntheticRatings.UNKNOWN_USER, SyntheticRatings.UNKNOWN_MOVIE))
        .isCloseTo(scale.clip(biases.globalMean()), within(BIAS_TOLERANCE));
    List<Recommendation> forNewUser = model.recommend(SyntheticRatings.UNKNOWN_USER, 5);
    assertThat(forNewUser).hasSize(5);
    for (Recommendation recommendation : forNewUser) {
      assertThat(recommendation.predictedRating())
          .isCloseTo(
              model.predict(SyntheticRatings.UNKNOWN_USER, recommendation.rawMovieId()),
              within(SAME_SCORE));
    }
  }

  @Test
  void recommend_everyKnownUser_leavesOutTrainingMoviesAndRanksByRawScore() {
    for (int user : SyntheticRatings.knownUsers()) {
      Set<Integer> rated = trainingMoviesOf(user);
      List<Recommendation> all = model.recommend(user, SyntheticRatings.MOVIES);

      assertThat(all).hasSize(SyntheticRatings.MOVIES - rated.size());
      assertThat(all)
          .extracting(Recommendation::rawMovieId)
          .doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(rated);
      assertRankedByRawScore(user, all);
      assertThat(model.recommend(user, 5)).isEqualTo(all.subList(0, 5));
    }
    assertThat(model.recommend(SyntheticRatings.rawUser(0), 0)).isEmpty();
  }

  @Test
  void recommend_countFarBeyondTheCatalog_listsEveryUnratedMovieOnce() {
    for (int user : SyntheticRatings.knownUsers()) {
      List<Recommendation> all = model.recommend(user, Integer.MAX_VALUE);

      assertThat(all).hasSize(SyntheticRatings.MOVIES - trainingMoviesOf(user).size());
      assertThat(all).isEqualTo(model.recommend(user, SyntheticRatings.MOVIES));
    }
  }

  @Test
  void rankingScores_unknownIds_followTheColdStartPolicy(@TempDir Path dir) throws IOException {
    int user = SyntheticRatings.rawUser(0);
    int unknownUser = -7;
    int unknownMovie = -9;
    int[] movies = model.movies().rawIds();
    List<Recommendation> coldList = model.recommend(unknownUser, movies.length);
    float[] coldScores =
        model.rankingScores(
            unknownUser, coldList.stream().mapToInt(Recommendation::rawMovieId).toArray());

    assertThat(model.rankingScore()).isNotNull();
    assertThat(model.rankingScores(user, new int[] {unknownMovie, movies[0]})[0])
        .as("a movie the model does not know is never listed")
        .isEqualTo(Float.NEGATIVE_INFINITY);
    for (int i = 0; i < coldList.size(); i++) {
      assertThat(coldList.get(i).score()).isEqualTo(coldScores[i]);
      assertNotBelowNext(coldList, i, "an unknown user");
    }
    try (Model strict =
        provider().load(ModelFile.read(saved(dir)), runtime(ColdStartPolicy.ERROR))) {
      assertThatThrownBy(() -> strict.rankingScores(unknownUser, movies))
          .isInstanceOf(UnknownIdException.class);
      assertThatThrownBy(() -> strict.rankingScores(user, new int[] {unknownMovie}))
          .isInstanceOf(UnknownIdException.class);
      assertThat(strict.rankingScores(user, movies))
          .containsExactly(model.rankingScores(user, movies));
    }
  }

  @Test
  void recommend_requestWithExclusionsFilterAndFloor_isTheFullListWithoutWhatItRejects() {
    MoviePopularity popularity = model.popularity();
    int floor = FLOOR_RATINGS;
    MovieFilter evenIds = movie -> movie % 2 == 0;
    for (int user : SyntheticRatings.knownUsers()) {
      List<Recommendation> all = model.recommend(user, SyntheticRatings.MOVIES);
      Set<Integer> excluded = new HashSet<>();
      all.stream().limit(3).forEach(recommendation -> excluded.add(recommendation.rawMovieId()));
      RecommendRequest request =
          RecommendRequest.builder()
              .setCount(5)
              .optExclude(excluded)
              .optFilter(evenIds)
              .optMinRatings(floor)
              .build();
      List<Recommendation> expected =
          all.stream()
              .filter(recommendation -> !excluded.contains(recommendation.rawMovieId()))
              .filter(recommendation -> evenIds.accepts(recommendation.rawMovieId()))
              .filter(recommendation -> popularity.count(recommendation.rawMovieId()) >= floor)
              .limit(5)
              .toList();

      assertThat(model.recommend(user, request)).as("user %d", user).isEqualTo(expected);
    }
  }

  @Test
  void popularity_trainedModel_countsAndAveragesTheTrainingRatingsOfEachMovie() {
    RatingDataset train = data.train();
    Map<Integer, List<Float>> ratings = new HashMap<>();
    for (int row = 0; row < train.size(); row++) {
      ratings
          .computeIfAbsent(train.rawMovieId(row), movie -> new ArrayList<>())
          .add(train.rating(row));
    }
    MoviePopularity popularity = model.popularity();

    assertThat(popularity.movies()).isEqualTo(model.movies());
    for (Map.Entry<Integer, List<Float>> movie : ratings.entrySet()) {
      int dense = popularity.movies().indexOf(movie.getKey());
      double mean =
          movie.getValue().stream().mapToDouble(Float::doubleValue).average().orElseThrow();
      assertThat(popularity.count(movie.getKey())).isEqualTo(movie.getValue().size());
      assertThat(popularity.meanAt(dense)).isCloseTo((float) mean, within(BIAS_TOLERANCE));
    }
  }

  @Test
  void predictAndRecommend_fromEightThreadsAtOnce_matchSingleThreadedAnswers() throws Exception {
    int[] users = SyntheticRatings.pairUsers();
    int[] movies = SyntheticRatings.pairMovies();
    float[] expected = model.predict(users, movies);
    float[] singles = new float[users.length];
    for (int i = 0; i < users.length; i++) {
      singles[i] = model.predict(users[i], movies[i]);
    }
    List<List<Recommendation>> lists = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      lists.add(model.recommend(SyntheticRatings.rawUser(t), 10));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(
          () -> {
            start.await();
            for (int round = 0; round < 5; round++) {
              assertThat(model.predict(users, movies)).containsExactly(expected);
              for (int i = thread; i < users.length; i += THREADS) {
                assertThat(model.predict(users[i], movies[i])).isEqualTo(singles[i]);
              }
              assertThat(model.recommend(SyntheticRatings.rawUser(thread), 10))
                  .isEqualTo(lists.get(thread));
            }
            return null;
          });
    }
    runAtOnce(tasks, start);
  }

  @Test
  void foldIn_eachUsersTrainingRatings_predictsTheirTestRatingsBetterThanColdStart() {
    Map<Integer, List<MovieRating>> given = ratingsByUser(data.train());
    RatingDataset test = data.test();
    double foldedSquares = 0;
    double coldSquares = 0;
    Map<Integer, FoldedUser> folded = new HashMap<>();
    for (int row = 0; row < test.size(); row++) {
      int user = test.rawUserId(row);
      int movie = test.rawMovieId(row);
      FoldedUser newUser = folded.computeIfAbsent(user, u -> model.foldIn(given.get(u)));
      double foldedError = newUser.predict(movie) - test.rating(row);
      double coldError = model.predict(SyntheticRatings.UNKNOWN_USER, movie) - test.rating(row);
      foldedSquares += foldedError * foldedError;
      coldSquares += coldError * coldError;
    }
    double foldedRmse = Math.sqrt(foldedSquares / test.size());
    double coldRmse = Math.sqrt(coldSquares / test.size());
    assertThat(foldedRmse)
        .as("fold-in RMSE against the cold-start fallback's %s", coldRmse)
        .isLessThan(coldRmse);
  }

  @Test
  void foldIn_recommend_leavesOutTheGivenMoviesAndRanksByRawScore() {
    int user = SyntheticRatings.rawUser(9);
    List<MovieRating> given = ratingsByUser(data.train()).get(user);
    FoldedUser newUser = model.foldIn(given);

    List<Recommendation> all = newUser.recommend(SyntheticRatings.MOVIES);

    assertThat(newUser.fittedRatings()).isEqualTo(given.size());
    assertThat(all).hasSize(SyntheticRatings.MOVIES - given.size());
    assertThat(all)
        .extracting(Recommendation::rawMovieId)
        .doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(given.stream().map(MovieRating::rawMovieId).toList());
    float[] rankingScores =
        newUser.rankingScores(all.stream().mapToInt(Recommendation::rawMovieId).toArray());
    for (int i = 0; i < all.size(); i++) {
      Recommendation current = all.get(i);
      assertThat(current.score()).isEqualTo(rankingScores[i]);
      if (model.rankingScore().isRatingEstimate()) {
        assertThat(current.predictedRating()).isEqualTo(model.scale().clip(current.score()));
      }
      assertThat(current.predictedRating())
          .isCloseTo(newUser.predict(current.rawMovieId()), within(SAME_SCORE));
      assertNotBelowNext(all, i, "a folded-in user");
    }
    assertThat(newUser.recommend(5)).isEqualTo(all.subList(0, 5));
    assertThat(model.foldIn(given).recommend(5))
        .as("fold-in is deterministic")
        .isEqualTo(all.subList(0, 5));
  }

  @Test
  void foldIn_badRatings_namesTheMovie() {
    int movie = SyntheticRatings.rawMovie(3);
    assertThatThrownBy(
            () -> model.foldIn(List.of(new MovieRating(movie, 4), new MovieRating(movie, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(movie))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> model.foldIn(List.of(new MovieRating(movie, 9))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(movie))
        .hasMessageContaining("scale");
  }

  @Test
  void foldIn_onlyUnknownMovies_isTheAverageNewUser() {
    FoldedUser stranger = model.foldIn(List.of(new MovieRating(SyntheticRatings.UNKNOWN_MOVIE, 5)));

    assertThat(stranger.fittedRatings()).isZero();
    assertThat(stranger.recommend(SyntheticRatings.MOVIES)).hasSize(SyntheticRatings.MOVIES);
    assertThat(stranger.recommend(3)).isEqualTo(model.foldIn(List.of()).recommend(3));
  }

  @Test
  void similarMovies_eitherRanksByCosineWithoutTheMovieOrSaysTheBackendCannot() {
    int movie = SyntheticRatings.rawMovie(4);
    List<SimilarMovie> similar;
    try {
      similar = model.similarMovies(movie, SyntheticRatings.MOVIES);
    } catch (UnsupportedByModelException e) {
      assertThat(e).hasMessageContaining(model.info().backend());
      return;
    }
    assertThat(similar).hasSize(SyntheticRatings.MOVIES - 1);
    assertThat(similar).extracting(SimilarMovie::rawMovieId).doesNotContain(movie);
    for (int i = 0; i < similar.size(); i++) {
      assertThat(similar.get(i).similarity()).isBetween(-1.0001f, 1.0001f);
      if (i > 0) {
        assertThat(similar.get(i - 1).similarity())
            .isGreaterThanOrEqualTo(similar.get(i).similarity());
      }
    }
    assertThat(model.similarMovies(movie, 3)).isEqualTo(similar.subList(0, 3));
    assertThatThrownBy(() -> model.similarMovies(SyntheticRatings.UNKNOWN_MOVIE, 3))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining(String.valueOf(SyntheticRatings.UNKNOWN_MOVIE));
  }

  @Test
  void close_calledTwice_isHarmless(@TempDir Path dir) throws IOException {
    Model loaded = provider().load(ModelFile.read(saved(dir)), runtime(ColdStartPolicy.FALLBACK));

    loaded.close();

    assertThatCode(loaded::close).doesNotThrowAnyException();
  }

  private TrainingConfig configWith(ColdStartPolicy policy) {
    return config().toBuilder().set(Keys.COLD_START, policy).build();
  }

  private RuntimeOptions runtime(ColdStartPolicy policy) {
    return RuntimeOptions.of(configWith(policy));
  }

  private Path saved(Path dir) throws IOException {
    Path file = dir.resolve("contract.model");
    model.save(file);
    return file;
  }

  private void assertSameAnswers(Model loaded) {
    assertThat(loaded.users()).isEqualTo(model.users());
    assertThat(loaded.movies()).isEqualTo(model.movies());
    assertThat(loaded.scale()).isEqualTo(model.scale());
    int[] users = SyntheticRatings.pairUsers();
    int[] movies = SyntheticRatings.pairMovies();
    assertThat(loaded.predict(users, movies)).containsExactly(model.predict(users, movies));
    assertThat(loaded.rankingScore()).isEqualTo(model.rankingScore());
    for (int user : SyntheticRatings.knownUsers()) {
      assertThat(loaded.rankingScores(user, model.movies().rawIds()))
          .containsExactly(model.rankingScores(user, model.movies().rawIds()));
      assertThat(loaded.recommend(user, 10)).isEqualTo(model.recommend(user, 10));
      assertThat(loaded.ratedMovies(user)).isEqualTo(model.ratedMovies(user));
    }
    for (int movie : model.movies().rawIds()) {
      assertThat(loaded.popularity().count(movie)).isEqualTo(model.popularity().count(movie));
    }
  }

  /**
   * Checks that a list is ranked by the model's ranking score: each entry's score is what {@link
   * Model#rankingScores} gives the movie, scores never increase, exact ties go to the lower id, and
   * each entry's predicted rating is what {@link Model#predict} answers. A model that ranks by its
   * rating estimate must rank by the raw estimate, not the clipped one: its predicted rating is its
   * score clipped to the scale.
   */
  private void assertRankedByRawScore(int user, List<Recommendation> list) {
    int[] movies = list.stream().mapToInt(Recommendation::rawMovieId).toArray();
    float[] rankingScores = model.rankingScores(user, movies);
    for (int i = 0; i < list.size(); i++) {
      Recommendation current = list.get(i);
      assertThat(current.score())
          .as("user %d, movie %d: listed score against rankingScores", user, movies[i])
          .isEqualTo(rankingScores[i]);
      if (model.rankingScore().isRatingEstimate()) {
        assertThat(current.predictedRating())
            .as("movie %d's predicted rating against its clipped score", current.rawMovieId())
            .isEqualTo(model.scale().clip(current.score()));
      }
      assertThat(current.predictedRating())
          .isCloseTo(model.predict(user, current.rawMovieId()), within(SAME_SCORE));
      assertNotBelowNext(list, i, "user " + user);
    }
  }

  /** Checks that entry {@code i} does not score below entry {@code i + 1}, ties to the lower id. */
  private static void assertNotBelowNext(List<Recommendation> list, int i, String who) {
    if (i == 0) {
      return;
    }
    Recommendation previous = list.get(i - 1);
    Recommendation current = list.get(i);
    assertThat(previous.score())
        .as("%s: ranking score at rank %d against rank %d", who, i, i + 1)
        .isGreaterThanOrEqualTo(current.score());
    if (previous.score() == current.score()) {
      assertThat(previous.rawMovieId()).isLessThan(current.rawMovieId());
    }
  }

  private static Map<Integer, List<MovieRating>> ratingsByUser(RatingDataset ratings) {
    Map<Integer, List<MovieRating>> byUser = new HashMap<>();
    for (int row = 0; row < ratings.size(); row++) {
      byUser
          .computeIfAbsent(ratings.rawUserId(row), user -> new ArrayList<>())
          .add(new MovieRating(ratings.rawMovieId(row), ratings.rating(row)));
    }
    return byUser;
  }

  private Set<Integer> trainingMoviesOf(int rawUser) {
    Set<Integer> movies = new HashSet<>();
    RatingDataset train = data.train();
    for (int row = 0; row < train.size(); row++) {
      if (train.rawUserId(row) == rawUser) {
        movies.add(train.rawMovieId(row));
      }
    }
    return movies;
  }

  /** Starts all tasks on their own threads, releases them together and rethrows any failure. */
  static void runAtOnce(List<Callable<Void>> tasks, CountDownLatch start) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> future : futures) {
        try {
          future.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw (Exception) e.getCause();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
