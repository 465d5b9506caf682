package org.movierec.backend.itemknn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleUnaryOperator;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.ConfigException;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.RatedItems;
import org.movierec.core.training.TrainingException;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an item-kNN model's neighbour lists from who rated what, on several threads. For each
 * target movie {@code j} it counts the co-raters {@code co(i, j)} of every movie {@code i} by
 * walking the rows of {@code j}'s raters into a dense counter, turns them into cosines {@code co /
 * sqrt(n_i n_j)} (times {@code co / (co + shrinkage)} when shrinkage is above zero) and keeps the
 * {@code K} largest, ties to the lower index. Work is {@code sum over users of n_u^2} counter
 * increments and memory is two counters per thread plus the kept lists, never a dense matrix.
 *
 * <p>Target movies are dealt out in blocks of about equal work, each one progress batch; the
 * calling thread reports finished blocks to the listener and honours its stop requests between
 * them. A second walk over each target's raters measures the training error of the kNN-baseline
 * estimate, which the listener sees as the running loss: over every training rating up to {@value
 * #MEASURED} of them, over a systematic sample of about that many (every n-th rated pair in user
 * order) beyond, so that measuring never costs more than a small share of the build.
 */
final class NeighbourBuilder {

  /** Progress batches per build: fine enough for a bar, coarse enough to cost nothing. */
  static final int BLOCKS = 100;

  /** Builds longer than this many seconds log what they cost at INFO, shorter ones at DEBUG. */
  private static final double LOGGED_SECONDS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(NeighbourBuilder.class);

  /** Training ratings whose error is measured at most, give or take one sampling step. */
  static final int MEASURED = 1_000_000;

  private final RatedItems rated;
  private final int[] userOffsets;
  private final int[] userMovies;
  private final float[] ratings;
  private final float[] residuals;
  private final Biases biases;
  private final RatingScale scale;
  private final int movieCount;
  private final int[] movieOffsets;
  private final int[] movieUsers;
  private final int[] moviePositions;
  private final int measureEvery;

  /**
   * A builder over one training input.
   *
   * @param rated each user's rated movies, by dense index
   * @param ratings each rated pair's rating, aligned with {@code rated}
   * @param biases the bias estimate fitted to the same ratings
   * @param scale the scale estimates are clipped to when measuring the training error
   */
  NeighbourBuilder(RatedItems rated, float[] ratings, Biases biases, RatingScale scale) {
    this.rated = rated;
    this.userOffsets = rated.offsets();
    this.userMovies = rated.movies();
    this.ratings = ratings;
    this.biases = biases;
    this.scale = scale;
    this.movieCount = biases.movieCount();
    this.residuals = new float[userMovies.length];
    for (int user = 0; user + 1 < userOffsets.length; user++) {
      for (int at = userOffsets[user]; at < userOffsets[user + 1]; at++) {
        residuals[at] = ratings[at] - biases.estimate(user, userMovies[at]);
      }
    }
    measureEvery = Math.max(1, (userMovies.length + MEASURED - 1) / MEASURED);
    movieOffsets = new int[movieCount + 1];
    for (int movie : userMovies) {
      movieOffsets[movie + 1]++;
    }
    for (int movie = 0; movie < movieCount; movie++) {
      movieOffsets[movie + 1] += movieOffsets[movie];
    }
    int[] fill = Arrays.copyOf(movieOffsets, movieCount);
    movieUsers = new int[userMovies.length];
    moviePositions = new int[userMovies.length];
    for (int user = 0; user + 1 < userOffsets.length; user++) {
      for (int at = userOffsets[user]; at < userOffsets[user + 1]; at++) {
        int slot = fill[userMovies[at]]++;
        movieUsers[slot] = user;
        moviePositions[slot] = at;
      }
    }
  }

  /** What a build made. */
  record Result(ItemNeighbours neighbours, double trainRmse) {}

  /** Where a build's blocks sit among the progress batches the listener was promised. */
  record Progress(TrainingListener listener, int firstBatch, int totalBatches) {}

  /** The number of progress batches one build over {@code movieCount} movies reports. */
  static int blocksFor(int movieCount) {
    return Math.max(1, Math.min(BLOCKS, movieCount));
  }

  /**
   * Keeps the {@code neighbours} most similar movies of every movie.
   *
   * @param loss turns the running training RMSE into the loss the listener is shown
   * @throws ConfigException before any work when the kept lists could not fit the heap
   * @throws TrainingStoppedException when the listener asks to stop between two blocks
   */
  Result build(
      int neighbours, double shrinkage, int threads, Progress progress, DoubleUnaryOperator loss) {
    int kept = (int) Math.min(neighbours, Math.max(0, movieCount - 1L));
    requireHeap(neighbours, kept);
    long startNanos = System.nanoTime();
    AtomicLong cpuNanos = new AtomicLong();
    int[][] lists = new int[movieCount][];
    float[][] weights = new float[movieCount][];
    int[] blockStarts = blockStarts(blocksFor(movieCount));
    int blocks = blockStarts.length - 1;
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean cancelled = new AtomicBoolean();
    BlockingQueue<Object> done = new LinkedBlockingQueue<>();
    int workers = Math.max(1, Math.min(threads, blocks));
    List<Thread> pool = new ArrayList<>();
    for (int t = 0; t < workers; t++) {
      Worker worker =
          new Worker(kept, shrinkage, blockStarts, next, cancelled, done, lists, weights, cpuNanos);
      Thread thread = new Thread(worker, "movierec-itemknn-" + t);
      thread.setDaemon(true);
      pool.add(thread);
      thread.start();
    }
    double squares = 0;
    long counted = 0;
    try {
      for (int finished = 1; finished <= blocks; finished++) {
        Object outcome = take(done);
        if (outcome instanceof RuntimeException failure) {
          throw new TrainingException(
              "building the item-kNN neighbour lists failed: " + failure.getMessage(), failure);
        }
        if (outcome instanceof Error error) {
          throw error;
        }
        double[] errors = (double[]) outcome;
        squares += errors[0];
        counted += (long) errors[1];
        double rmse = counted == 0 ? 0 : Math.sqrt(squares / counted);
        int batch = progress.firstBatch() + finished - 1;
        progress.listener().onBatchEnd(1, batch, progress.totalBatches(), loss.applyAsDouble(rmse));
        if (finished < blocks && progress.listener().stopRequested()) {
          throw TrainingStoppedException.beforeBatch(1, 1, batch + 1, progress.totalBatches());
        }
      }
    } finally {
      cancelled.set(true);
      for (Thread thread : pool) {
        joinQuietly(thread);
      }
    }
    double rmse = counted == 0 ? 0 : Math.sqrt(squares / counted);
    ItemNeighbours built = ItemNeighbours.fromTargets(lists, weights);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String format =
        "item-kNN neighbour lists of {} movies: {} similarities kept in {} s, {} s of CPU on {}"
            + " threads";
    Object[] values = {
      movieCount,
      built.size(),
      String.format(Locale.ROOT, "%.1f", seconds),
      String.format(Locale.ROOT, "%.1f", cpuNanos.get() / 1e9),
      workers
    };
    if (seconds > LOGGED_SECONDS) {
      LOG.info(format, values);
    } else {
      LOG.debug(format, values);
    }
    return new Result(built, rmse);
  }

  /**
   * Refuses, before any work, neighbour lists whose largest possible size (every movie keeping
   * {@code kept} neighbours, held twice while they are turned into rows) exceeds the free heap.
   */
  private void requireHeap(int neighbours, int kept) {
    long entries = (long) movieCount * kept;
    long needed = entries * 16 + (long) movieCount * 64;
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    if (needed > free) {
      throw new ConfigException(
          String.format(
              Locale.ROOT,
              "neighbours=%d over %,d movies keeps up to %,d similarities, which need up to %,d MiB"
                  + " while they are built, but only %,d MiB of the heap is free; lower"
                  + " neighbours or raise the heap (-Xmx)",
              neighbours,
              movieCount,
              entries,
              needed >> 20,
              free >> 20));
    }
  }

  /** Splits the target movies into contiguous blocks of about equal counting work. */
  private int[] blockStarts(int blocks) {
    long[] work = new long[movieCount];
    for (int movie = 0; movie < movieCount; movie++) {
      for (int at = movieOffsets[movie]; at < movieOffsets[movie + 1]; at++) {
        work[movie] += rated.count(movieUsers[at]);
      }
      work[movie] += 1;
    }
    return WorkBlocks.starts(work, blocks);
  }

  private static Object take(BlockingQueue<Object> done) {
    try {
      return done.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrainingException("interrupted while building the item-kNN neighbour lists", e);
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Takes blocks off the shared counter; owns its counters, so it shares no scratch memory. */
  private final class Worker implements Runnable {
    private final int kept;
    private final double shrinkage;
    private final int[] blockStarts;
    private final AtomicInteger next;
    private final AtomicBoolean cancelled;
    private final BlockingQueue<Object> done;
    private final int[][] lists;
    private final float[][] weights;
    private final int[] counts = new int[movieCount];
    private final int[] touched = new int[movieCount];
    private final float[] marks = new float[movieCount];
    private final TopSimilar top;
    private final AtomicLong cpuNanos;

    Worker(
        int kept,
        double shrinkage,
        int[] blockStarts,
        AtomicInteger next,
        AtomicBoolean cancelled,
        BlockingQueue<Object> done,
        int[][] lists,
        float[][] weights,
        AtomicLong cpuNanos) {
      this.kept = kept;
      this.cpuNanos = cpuNanos;
      this.shrinkage = shrinkage;
      this.blockStarts = blockStarts;
      this.next = next;
      this.cancelled = cancelled;
      this.done = done;
      this.lists = lists;
      this.weights = weights;
      this.top = new TopSimilar(kept);
    }

    @Override
    public void run() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      try {
        for (int block = next.getAndIncrement();
            block < blockStarts.length - 1 && !cancelled.get();
            block = next.getAndIncrement()) {
          double[] errors = new double[2];
          for (int target = blockStarts[block];
              target < blockStarts[block + 1] && !cancelled.get();
              target++) {
            buildTarget(target, errors);
          }
          done.add(errors);
        }
      } catch (RuntimeException | Error e) {
        done.add(e);
      } finally {
        cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
      }
    }

    /** Keeps one target's neighbours and adds its ratings' squared training errors. */
    private void buildTarget(int target, double[] errors) {
      int distinct = 0;
      for (int at = movieOffsets[target]; at < movieOffsets[target + 1]; at++) {
        int user = movieUsers[at];
        for (int row = userOffsets[user]; row < userOffsets[user + 1]; row++) {
          int movie = userMovies[row];
          if (counts[movie]++ == 0) {
            touched[distinct++] = movie;
          }
        }
      }
      double targetRaters = movieOffsets[target + 1] - movieOffsets[target];
      top.clear();
      for (int n = 0; n < distinct; n++) {
        int movie = touched[n];
        int together = counts[movie];
        counts[movie] = 0;
        if (movie == target) {
          continue;
        }
        double raters = movieOffsets[movie + 1] - movieOffsets[movie];
        double similarity = together / Math.sqrt(raters * targetRaters);
        if (shrinkage > 0) {
          similarity *= together / (together + shrinkage);
        }
        float value = (float) similarity;
        if (value > 0 && kept > 0) {
          top.offer(movie, value);
        }
      }
      int[] list = new int[top.size()];
      float[] values = new float[list.length];
      top.sortedInto(list, values);
      lists[target] = list;
      weights[target] = values;
      measure(target, list, values, errors);
    }

    /**
     * Adds the squared errors of the target's measured training ratings, estimated exactly as the
     * model estimates them: the bias estimate plus the similarity-weighted mean of the user's
     * residuals over the target's neighbours they rated, in the order of their rows, clipped to the
     * scale.
     */
    private void measure(int target, int[] list, float[] values, double[] errors) {
      for (int n = 0; n < list.length; n++) {
        marks[list[n]] = values[n];
      }
      for (int at = movieOffsets[target]; at < movieOffsets[target + 1]; at++) {
        int position = moviePositions[at];
        if (position % measureEvery != 0) {
          continue;
        }
        int user = movieUsers[at];
        float numerator = 0;
        float denominator = 0;
        for (int row = userOffsets[user]; row < userOffsets[user + 1]; row++) {
          float similarity = marks[userMovies[row]];
          if (similarity > 0) {
            numerator += similarity * residuals[row];
            denominator += similarity;
          }
        }
        float estimate =
            biases.estimate(user, target) + (denominator > 0 ? numerator / denominator : 0f);
        double error = scale.clip(estimate) - ratings[position];
        errors[0] += error * error;
        errors[1] += 1;
      }
      for (int movie : list) {
        marks[movie] = 0;
      }
    }
  }
}
