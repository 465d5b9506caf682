package org.movierec.data.movielens;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.movierec.core.data.RatingDataset;
import org.movierec.data.Layout;

/**
 * Writes ratings lines in a MovieLens layout, one row at a time through a byte buffer, so files of
 * any size stream out without holding the rows.
 */
public final class RatingsWriter implements Closeable {

  /** The header row of {@code ratings.csv}. */
  public static final String CSV_HEADER = "userId,movieId,rating,timestamp";

  private static final int BUFFER = 1 << 16;

  private final OutputStream out;
  private final Layout layout;
  private final byte[] separator;
  private final byte[] buffer = new byte[BUFFER];
  private int used;
  private long rows;

  private RatingsWriter(OutputStream out, Layout layout) {
    this.out = out;
    this.layout = layout;
    this.separator = layout.separator().getBytes(StandardCharsets.US_ASCII);
  }

  /** Creates or replaces {@code file} and writes the layout's header row, if it has one. */
  public static RatingsWriter open(Path file, Layout layout) throws IOException {
    RatingsWriter writer = new RatingsWriter(Files.newOutputStream(file), layout);
    if (layout == Layout.CSV) {
      byte[] header = (CSV_HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(header, 0, writer.buffer, 0, header.length);
      writer.used = header.length;
    }
    return writer;
  }

  /** Writes every row of a dataset, with raw ids, to {@code file}. */
  public static void write(RatingDataset data, Path file, Layout layout) throws IOException {
    try (RatingsWriter writer = open(file, layout)) {
      for (int row = 0; row < data.size(); row++) {
        writer.write(
            data.rawUserId(row), data.rawMovieId(row), data.rating(row), data.timestamp(row));
      }
    }
  }

  /**
   * Writes one rating line.
   *
   * @throws IllegalArgumentException when the rating is not whole in the ml-100k layout, which has
   *     no decimals
   */
  public void write(int user, int movie, float rating, long epochSeconds) throws IOException {
    if (used > BUFFER - 128) {
      flushBuffer();
    }
    appendLong(user);
    appendSeparator();
    appendLong(movie);
    appendSeparator();
    appendRating(rating);
    appendSeparator();
    appendLong(epochSeconds);
    buffer[used++] = '\n';
    rows++;
  }

  /** The number of rating lines written. */
  public long rows() {
    return rows;
  }

  private void appendSeparator() {
    for (byte b : separator) {
      buffer[used++] = b;
    }
  }

  private void appendRating(float rating) {
    float tenths = rating * 10;
    boolean whole = rating == (float) Math.rint(rating);
    if (whole && layout != Layout.CSV) {
      appendLong((long) rating);
    } else if (layout == Layout.ML_100K) {
      throw new IllegalArgumentException(
          "the ml-100k layout holds whole ratings only, got " + rating + "; use ml-1m or csv");
    } else if (tenths == (float) Math.rint(tenths) && rating >= 0) {
      long value = (long) Math.rint(tenths);
      appendLong(value / 10);
      buffer[used++] = '.';
      buffer[used++] = (byte) ('0' + value % 10);
    } else {
      for (byte b : Float.toString(rating).getBytes(StandardCharsets.US_ASCII)) {
        buffer[used++] = b;
      }
    }
  }

  private void appendLong(long value) {
    if (value < 0) {
      buffer[used++] = '-';
      value = -value;
    }
    int start = used;
    do {
      buffer[used++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    for (int i = start, j = used - 1; i < j; i++, j--) {
      byte swap = buffer[i];
      buffer[i] = buffer[j];
      buffer[j] = swap;
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      flushBuffer();
    } finally {
      out.close();
    }
  }
}
