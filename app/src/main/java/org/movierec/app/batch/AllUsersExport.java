package org.movierec.app.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.movierec.app.output.TaskProgress;
import org.movierec.core.file.AtomicFiles;
import org.movierec.core.model.Model;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;

/**
 * Writes every known user's recommendations to one CSV file: a pool of threads scores users in
 * tasks of up to {@link #USERS_PER_TASK} users (and 65,536 rows), and the calling thread writes the
 * finished tasks in user order. At most four tasks per thread are in flight, so memory stays flat
 * however many users there are; the file appears atomically when complete.
 *
 * <p>The columns are {@code user,rank,movie,score,predicted_rating}: one row per recommended movie,
 * users ascending by raw id, ranks from 1. Scores are written in Java's shortest form that reads
 * back to the same float.
 */
public final class AllUsersExport {

  /** The CSV header. */
  public static final String HEADER = "user,rank,movie,score,predicted_rating";

  /** Users per task: enough to make a hand-off cheap, few enough to keep tasks balanced. */
  static final int USERS_PER_TASK = 64;

  /** Rows per task at most, so that a long list per user shrinks the task instead of growing it. */
  private static final int ROWS_PER_TASK = 1 << 16;

  /** Tasks in flight per scoring thread, bounding the finished-but-unwritten lists. */
  private static final int TASKS_PER_THREAD = 4;

  private final Model model;
  private final RecommendRequest request;
  private final int threads;
  private final int usersPerTask;

  /**
   * What one export did.
   *
   * @param users the users written
   * @param rows the recommendation rows written
   * @param seconds the wall time of scoring and writing
   */
  public record Result(int users, long rows, double seconds) {}

  /**
   * An export of a model's lists under one request.
   *
   * @param threads the scoring threads, at least 1
   */
  public AllUsersExport(Model model, RecommendRequest request, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("need at least one scoring thread, got " + threads);
    }
    this.model = model;
    this.request = request;
    this.threads = threads;
    int perUser = Math.max(1, Math.min(request.count(), model.movies().size()));
    this.usersPerTask = Math.max(1, Math.min(USERS_PER_TASK, ROWS_PER_TASK / perUser));
  }

  /**
   * Writes the file, replacing {@code target} only once every list is written.
   *
   * @throws IOException when the file cannot be written, or the export is interrupted
   */
  public Result write(Path target, TaskProgress progress) throws IOException {
    int[] users = model.users().rawIds();
    Arrays.sort(users);
    long started = System.nanoTime();
    long[] rows = new long[1];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "movierec-recommend");
              thread.setDaemon(true);
              return thread;
            });
    try {
      progress.start("recommending", users.length, "users");
      AtomicFiles.write(
          target,
          out -> {
            Writer writer =
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            rows[0] = writeAll(users, pool, writer, progress);
            writer.flush();
          });
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    progress.finish(
        String.format(
            Locale.ROOT,
            "wrote %,d recommendations for %,d users to %s in %.1fs",
            rows[0],
            users.length,
            target,
            seconds));
    return new Result(users.length, rows[0], seconds);
  }

  private long writeAll(int[] users, ExecutorService pool, Writer writer, TaskProgress progress)
      throws IOException {
    writer.write(HEADER);
    writer.write('\n');
    int tasks = (users.length + usersPerTask - 1) / usersPerTask;
    Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
    int submitted = 0;
    while (submitted < tasks && inFlight.size() < threads * TASKS_PER_THREAD) {
      inFlight.add(submit(pool, users, submitted++));
    }
    long rows = 0;
    long done = 0;
    while (!inFlight.isEmpty()) {
      Chunk chunk = await(inFlight.poll());
      writer.write(chunk.text());
      rows += chunk.rows();
      done += chunk.users();
      progress.update(done);
      if (submitted < tasks) {
        inFlight.add(submit(pool, users, submitted++));
      }
    }
    return rows;
  }

  /** The CSV rows of one task's users. */
  private record Chunk(String text, int users, long rows) {}

  private Future<Chunk> submit(ExecutorService pool, int[] users, int task) {
    int from = task * usersPerTask;
    int to = Math.min(users.length, from + usersPerTask);
    return pool.submit(() -> lists(users, from, to));
  }

  private Chunk lists(int[] users, int from, int to) {
    StringBuilder text = new StringBuilder(8192);
    long rows = 0;
    for (int i = from; i < to; i++) {
      List<Recommendation> list = model.recommend(users[i], request);
      for (int rank = 0; rank < list.size(); rank++) {
        Recommendation item = list.get(rank);
        text.append(users[i])
            .append(',')
            .append(rank + 1)
            .append(',')
            .append(item.rawMovieId())
            .append(',')
            .append(item.score())
            .append(',')
            .append(item.predictedRating())
            .append('\n');
      }
      rows += list.size();
    }
    return new Chunk(text.toString(), to - from, rows);
  }

  private static Chunk await(Future<Chunk> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing recommendations");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IOException("scoring users failed", e.getCause());
    }
  }
}
