package org.movierec.core.data;

/**
 * The rating column of a {@link ColumnarRatings}: one byte per rating when the scale has at most
 * 256 levels (every MovieLens dataset), four bytes otherwise. Decoding is exact: each code maps
 * back to the very float that was stored.
 */
abstract sealed class RatingColumn permits RatingColumn.Codes, RatingColumn.Floats {

  /** The rating of a row. */
  abstract float get(int row);

  /** The ratings of the given rows, in the same representation. */
  abstract RatingColumn select(int[] rows);

  /** A fresh float copy of the column. */
  abstract float[] toFloats();

  /**
   * The most compact exact column for these ratings: byte codes when the scale has at most 256
   * levels and every value sits on one, floats otherwise.
   */
  static RatingColumn of(float[] ratings, RatingScale scale) {
    int levels = scale.levels();
    if (levels < 1 || levels > 256) {
      return new Floats(ratings);
    }
    float[] values = new float[levels];
    boolean[] seen = new boolean[levels];
    byte[] codes = new byte[ratings.length];
    for (int row = 0; row < ratings.length; row++) {
      float rating = ratings[row];
      int code = (int) Math.rint((rating - scale.min()) / scale.step());
      if (code < 0 || code >= levels || (seen[code] && values[code] != rating)) {
        return new Floats(ratings);
      }
      seen[code] = true;
      values[code] = rating;
      codes[row] = (byte) code;
    }
    return new Codes(codes, values);
  }

  /** One byte per rating, decoded through a table of at most 256 floats. */
  static final class Codes extends RatingColumn {
    private final byte[] codes;
    private final float[] values;

    Codes(byte[] codes, float[] values) {
      this.codes = codes;
      this.values = values;
    }

    @Override
    float get(int row) {
      return values[codes[row] & 0xFF];
    }

    @Override
    RatingColumn select(int[] rows) {
      byte[] picked = new byte[rows.length];
      for (int i = 0; i < rows.length; i++) {
        picked[i] = codes[rows[i]];
      }
      return new Codes(picked, values);
    }

    @Override
    float[] toFloats() {
      float[] floats = new float[codes.length];
      for (int row = 0; row < floats.length; row++) {
        floats[row] = values[codes[row] & 0xFF];
      }
      return floats;
    }
  }

  /** Four bytes per rating, for continuous or very fine scales. */
  static final class Floats extends RatingColumn {
    private final float[] ratings;

    Floats(float[] ratings) {
      this.ratings = ratings;
    }

    @Override
    float get(int row) {
      return ratings[row];
    }

    @Override
    RatingColumn select(int[] rows) {
      float[] picked = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        picked[i] = ratings[rows[i]];
      }
      return new Floats(picked);
    }

    @Override
    float[] toFloats() {
      return ratings.clone();
    }
  }
}
