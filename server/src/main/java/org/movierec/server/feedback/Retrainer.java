package org.movierec.server.feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.RankingEvaluator;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.store.StoreSnapshot;
import org.movierec.server.feedback.RetrainCycle.Scores;
import org.movierec.server.model.ModelLease;
import org.movierec.server.model.ModelSlot;
import org.movierec.server.model.ServedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains the served model in the background on a snapshot of the store, with the configuration
 * the served model recorded, on one low-priority thread with one compute thread. The candidate and
 * the serving model are scored on the same hold-out of the snapshot, preferably ratings the serving
 * model never saw; the candidate is saved beside the served file and swapped in only when it is not
 * worse on RMSE and NDCG@10 (or when forced, with the reason logged). The previous file is left as
 * it was, for a rollback through {@code /admin/reload}. Ratings written during a cycle are in the
 * store and refit onto the new model after the swap.
 */
public final class Retrainer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);
  private static final double TIE = 1e-4;
  private static final int MIN_NEW_FEEDBACK = 50;
  private static final double RANDOM_HOLDOUT = 0.1;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Raised when the served model cannot be retrained as one file; nothing was trained. */
  public static final class RefusedException extends IllegalStateException {

    private RefusedException(String message) {
      super(message);
    }
  }

  private final Feedback feedback;
  private final ModelSlot slot;
  private final BackendRegistry backends;
  private final RetrainPolicy policy;
  private final Clock clock;
  private final List<RetrainCycle> lineage = new CopyOnWriteArrayList<>();
  private final ReentrantLock running = new ReentrantLock();
  private final ScheduledExecutorService timer;
  private volatile long lastMark;
  private volatile Instant lastStart;

  /** A retrainer of the slot's model from the feedback's store; {@link #start()} schedules it. */
  public Retrainer(
      Feedback feedback,
      ModelSlot slot,
      BackendRegistry backends,
      RetrainPolicy policy,
      Clock clock) {
    this.feedback = feedback;
    this.slot = slot;
    this.backends = backends;
    this.policy = policy;
    this.clock = clock;
    this.lastStart = clock.instant();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "movierec-retrain");
              thread.setDaemon(true);
              thread.setPriority(Thread.MIN_PRIORITY);
              return thread;
            });
  }

  /** Checks once a second whether the policy's interval or count has come. */
  public void start() {
    if (policy.scheduled()) {
      timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }
  }

  /** The policy in force. */
  public RetrainPolicy policy() {
    return policy;
  }

  /** How many ratings were written or deleted since the last cycle took its snapshot. */
  public long writesSinceLastCycle() {
    return feedback.fresh().writeMark() - lastMark;
  }

  /** Tells whether a cycle runs now. */
  public boolean isRunning() {
    return running.isLocked();
  }

  /** Every cycle so far, oldest first. */
  public List<RetrainCycle> lineage() {
    return List.copyOf(lineage);
  }

  private void tick() {
    boolean due =
        (!policy.every().isZero() && !clock.instant().isBefore(lastStart.plus(policy.every())))
            || (policy.afterRatings() > 0 && writesSinceLastCycle() >= policy.afterRatings());
    if (due) {
      try {
        runOnce(policy.force());
      } catch (RuntimeException | IOException e) {
        LOG.error("background retrain failed; the serving model keeps serving", e);
      }
    }
  }

  /**
   * Runs one cycle now, in the caller's thread; one cycle runs at a time.
   *
   * @param force swap the candidate in even when it is worse
   * @throws IOException when the candidate cannot be saved or loaded
   * @throws RefusedException when the server serves a model file and a rating model file
   */
  public RetrainCycle runOnce(boolean force) throws IOException {
    running.lock();
    try {
      return cycle(force);
    } finally {
      running.unlock();
    }
  }

  private RetrainCycle cycle(boolean force) throws IOException {
    // Checked before the snapshot too, so that a refused cycle leaves the counters as they were.
    requireOneFile(slot.peek());
    long started = System.nanoTime();
    Instant startedAt = clock.instant();
    lastStart = startedAt;
    long mark = feedback.fresh().writeMark();
    StoreSnapshot snapshot = feedback.store().snapshot();
    lastMark = mark;
    ColumnarRatings all = RatingDatasets.compact(snapshot.ratings());
    try (ModelLease lease = slot.lease()) {
      ServedModel served = lease.served();
      requireOneFile(served);
      Model current = served.model();
      int[] fresh = unseenRows(all, current);
      boolean fromFeedback = fresh.length >= MIN_NEW_FEEDBACK;
      int[] holdoutRows = fromFeedback ? half(fresh) : sample(all.size(), RANDOM_HOLDOUT);
      ColumnarRatings holdout = all.select(holdoutRows);
      ColumnarRatings train = all.select(complement(all.size(), holdoutRows));
      TrainingConfig config = configOf(current);
      LOG.info(
          "retraining {} on a snapshot of {} ratings ({} held out, {})",
          config.backend(),
          all.size(),
          holdout.size(),
          fromFeedback ? "new feedback" : "random");
      Path file = candidateFile(served.file(), startedAt);
      Scores candidateScores;
      try (Model candidate = backends.get(config.backend()).newTrainer().train(train, config)) {
        candidateScores = scores(candidate, holdout);
        candidate.save(file);
      }
      Scores servingScores = scores(current, holdout);
      String worse = worse(candidateScores, servingScores);
      boolean swap = worse == null || force;
      String reason =
          worse == null
              ? "not worse on the hold-out"
              : force ? "forced although " + worse : "refused: " + worse;
      String version = served.version();
      if (swap) {
        ServedModel next = slot.reload(file).next();
        feedback.fresh().trainedAfter(next.generation(), mark);
        version = next.version();
      }
      RetrainCycle done =
          new RetrainCycle(
              startedAt.toString(),
              snapshot.takenAt().toString(),
              all.size(),
              holdout.size(),
              fromFeedback ? "new-feedback" : "random",
              candidateScores,
              servingScores,
              swap,
              reason,
              file.toString(),
              version,
              served.version(),
              served.file().toString(),
              (System.nanoTime() - started) / 1e9);
      lineage.add(done);
      (swap ? LOG.atInfo() : LOG.atWarn())
          .log(
              "retrain {}: candidate RMSE {} NDCG@10 {} against serving RMSE {} NDCG@10 {} on {}"
                  + " held-out ratings; {} (candidate kept at {})",
              swap ? "swapped in" : "refused",
              format(candidateScores.rmse()),
              format(candidateScores.ndcg10()),
              format(servingScores.rmse()),
              format(servingScores.ndcg10()),
              holdout.size(),
              reason,
              file);
      return done;
    }
  }

  /** Refuses a served pair of files: a retrain trains one, which would drop the rating model. */
  private static void requireOneFile(ServedModel served) {
    if (served.ratingFile().isPresent()) {
      throw new RefusedException(
          "the server serves two model files ("
              + served.file().getFileName()
              + " for lists, "
              + served.ratingFile().get().getFileName()
              + " for predicted ratings) and a retrain trains one; retrain both with movierec"
              + " train and swap them in with POST /admin/reload naming model and rating_model");
    }
  }

  /** Why the candidate is worse, or null when it is not. */
  static String worse(Scores candidate, Scores serving) {
    List<String> worse = new ArrayList<>();
    if (candidate.rmse() > serving.rmse() + TIE) {
      worse.add("RMSE " + format(candidate.rmse()) + " > " + format(serving.rmse()));
    }
    if (Double.isFinite(candidate.ndcg10())
        && Double.isFinite(serving.ndcg10())
        && candidate.ndcg10() < serving.ndcg10() - TIE) {
      worse.add("NDCG@10 " + format(candidate.ndcg10()) + " < " + format(serving.ndcg10()));
    }
    return worse.isEmpty() ? null : String.join(" and ", worse);
  }

  private static Scores scores(Model model, ColumnarRatings holdout) {
    double rmse = RatingEvaluator.evaluate(model, holdout).rmse();
    double ndcg = new RankingEvaluator(EvaluationOptions.DEFAULTS).evaluate(model, holdout).ndcg();
    return new Scores(rmse, ndcg);
  }

  /** The served model's recorded configuration, on one compute thread. */
  private static TrainingConfig configOf(Model model) {
    TrainingConfig.Builder builder = TrainingConfig.builder();
    for (var entry : model.info().config().entrySet()) {
      if (TrainingConfig.findKey(entry.getKey()).isPresent()) {
        builder.set(entry.getKey(), entry.getValue());
      }
    }
    return builder.set(Keys.THREADS.name(), "1").build();
  }

  /** Rows whose user and movie the model did not train on together: feedback it never saw. */
  private static int[] unseenRows(ColumnarRatings all, Model model) {
    int[] rows = new int[all.size()];
    int count = 0;
    int user = 0;
    int[] trained = null;
    for (int row = 0; row < all.size(); row++) {
      // A snapshot lists each user's ratings together, so each user's list is asked for once.
      if (trained == null || all.rawUserId(row) != user) {
        user = all.rawUserId(row);
        trained = model.ratedMovies(user);
      }
      if (Arrays.binarySearch(trained, all.rawMovieId(row)) < 0) {
        rows[count++] = row;
      }
    }
    return Arrays.copyOf(rows, count);
  }

  private int[] half(int[] rows) {
    int[] shuffled = rows.clone();
    Random random = new Random(policy.seed());
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }
    int[] kept = Arrays.copyOf(shuffled, shuffled.length / 2);
    Arrays.sort(kept);
    return kept;
  }

  private int[] sample(int size, double fraction) {
    Random random = new Random(policy.seed());
    int[] rows = new int[size];
    int count = 0;
    for (int row = 0; row < size; row++) {
      if (random.nextDouble() < fraction) {
        rows[count++] = row;
      }
    }
    return Arrays.copyOf(rows, count);
  }

  private static int[] complement(int size, int[] sortedRows) {
    int[] rest = new int[size - sortedRows.length];
    int next = 0;
    int count = 0;
    for (int row = 0; row < size; row++) {
      if (next < sortedRows.length && sortedRows[next] == row) {
        next++;
      } else {
        rest[count++] = row;
      }
    }
    return rest;
  }

  private static Path candidateFile(Path served, Instant at) {
    String name = served.getFileName().toString();
    String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    base = base.replaceAll("\\.retrain-\\d{8}T\\d{6}Z$", "");
    return served.resolveSibling(base + ".retrain-" + STAMP.format(at) + ".mrec");
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** Stops the timer; a cycle in progress finishes in its thread. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
