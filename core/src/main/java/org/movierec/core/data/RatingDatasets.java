package org.movierec.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Operations on whole datasets that every backend and evaluator needs. */
public final class RatingDatasets {

  private RatingDatasets() {}

  /**
   * Re-indexes a dataset so that its id indices hold exactly the users and movies that have a row,
   * in order of first appearance. A model trained on the result knows no id it never saw.
   */
  public static ColumnarRatings compact(RatingDataset dataset) {
    RatingsBuilder builder =
        new RatingsBuilder(dataset.scale(), dataset.size()).catalog(dataset.catalog());
    for (int row = 0; row < dataset.size(); row++) {
      builder.add(
          dataset.rawUserId(row),
          dataset.rawMovieId(row),
          dataset.rating(row),
          dataset.timestamp(row));
    }
    return builder.build();
  }

  /**
   * The SHA-256 of a dataset's ratings, row by row in its order: raw user id, raw movie id, rating
   * and time, little-endian. The same ratings read from the same files give the same fingerprint,
   * so a model can name exactly what it was trained on.
   */
  public static String fingerprint(RatingDataset dataset) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    ByteBuffer rows = ByteBuffer.allocate(ROW_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
    for (int row = 0; row < dataset.size(); row++) {
      if (rows.remaining() < ROW_BYTES) {
        digest.update(rows.array(), 0, rows.position());
        rows.clear();
      }
      rows.putInt(dataset.rawUserId(row))
          .putInt(dataset.rawMovieId(row))
          .putFloat(dataset.rating(row))
          .putLong(dataset.timestamp(row));
    }
    digest.update(rows.array(), 0, rows.position());
    return HexFormat.of().formatHex(digest.digest());
  }

  private static final int ROW_BYTES = 4 + 4 + 4 + 8;
}
