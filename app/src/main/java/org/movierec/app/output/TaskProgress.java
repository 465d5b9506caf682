package org.movierec.app.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows how far a long task counted in items (users, say) has come, on the console's error stream:
 * a redrawn bar when it is a terminal, else one plain line at every tenth, so logs and pipes stay
 * readable. Call it from one thread.
 */
public final class TaskProgress {

  static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean interactive;
  private String task = "";
  private String unit = "";
  private long total;
  private long started;
  private long lastDraw;
  private int lastTenth;

  /** Progress on the console's error stream. */
  public TaskProgress(Console console) {
    this.err = console.err();
    this.interactive = console.interactive();
  }

  /** Begins a task of {@code total} items, e.g. {@code start("recommending", 943, "users")}. */
  public void start(String task, long total, String unit) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.started = System.nanoTime();
    this.lastDraw = 0;
    this.lastTenth = 0;
    if (!interactive) {
      err.printf(Locale.ROOT, "%s: %,d %s%n", task, total, unit);
      err.flush();
    }
  }

  /** Reports that {@code done} items are finished. */
  public void update(long done) {
    long now = System.nanoTime();
    double seconds = (now - started) / 1e9;
    if (interactive) {
      if (now - lastDraw < REDRAW_NANOS && done < total) {
        return;
      }
      lastDraw = now;
      err.printf(
          Locale.ROOT,
          "\r%s [%s] %3d%% %,d/%,d %s %s",
          task,
          bar(done, total),
          percent(done),
          done,
          total,
          unit,
          eta(done, seconds));
      err.flush();
      return;
    }
    int tenth = total == 0 ? 10 : (int) (10 * done / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      err.printf(
          Locale.ROOT,
          "%s: %3d%% %,d/%,d %s in %.1fs %s%n",
          task,
          percent(done),
          done,
          total,
          unit,
          seconds,
          eta(done, seconds));
      err.flush();
    }
  }

  /** Ends the task: clears the bar on a terminal and prints one closing line. */
  public void finish(String summary) {
    if (interactive) {
      err.print("\r" + " ".repeat(task.length() + BAR_WIDTH + 60) + "\r");
    }
    err.println(summary);
    err.flush();
  }

  /**
   * A bar of {@link #BAR_WIDTH} characters, {@code #} for what is done and {@code -} for the rest.
   */
  static String bar(long done, long total) {
    long whole = Math.max(1, total);
    int filled = (int) (BAR_WIDTH * Math.min(done, whole) / whole);
    return "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
  }

  private long percent(long done) {
    return total == 0 ? 100 : 100 * Math.min(done, total) / total;
  }

  private String eta(long done, double seconds) {
    if (done == 0 || done >= total) {
      return "";
    }
    return String.format(Locale.ROOT, "eta %.0fs", seconds / done * (total - done));
  }
}
