package org.movierec.core.data;

/**
 * The range and granularity of ratings: 1 to 5 in whole stars for ml-100k, 0.5 to 5 in half stars
 * for ml-25m.
 *
 * @param min the lowest rating a user can give
 * @param max the highest rating a user can give
 * @param step the distance between two allowed ratings; {@code 0} when any value in range is
 *     allowed
 */
public record RatingScale(float min, float max, float step) implements java.io.Serializable {

  /** Whole stars from 1 to 5, as in ml-100k and ml-1m. */
  public static final RatingScale WHOLE_STARS = new RatingScale(1f, 5f, 1f);

  /** Half stars from 0.5 to 5, as in ml-10m and the CSV datasets. */
  public static final RatingScale HALF_STARS = new RatingScale(0.5f, 5f, 0.5f);

  private static final float STEP_TOLERANCE = 1e-4f;

  /** Checks that the scale is finite, not empty and that its step divides it. */
  public RatingScale {
    if (!Float.isFinite(min) || !Float.isFinite(max) || !(min < max)) {
      throw new IllegalArgumentException(
          "rating scale needs finite min < max, got min=" + min + " max=" + max);
    }
    if (!Float.isFinite(step) || step < 0f) {
      throw new IllegalArgumentException("rating step must be >= 0, got " + step);
    }
    if (step > 0f) {
      double steps = (max - min) / step;
      if (Math.abs(steps - Math.rint(steps)) > STEP_TOLERANCE) {
        throw new IllegalArgumentException(
            "rating step " + step + " does not divide the range " + min + ".." + max);
      }
    }
  }

  /** Limits a prediction to the scale, as every model's answer is. */
  public float clip(float rating) {
    if (Float.isNaN(rating)) {
      return rating;
    }
    return Math.max(min, Math.min(max, rating));
  }

  /** Tells whether a value is inside the range and on a step. */
  public boolean allows(float rating) {
    if (!(rating >= min && rating <= max)) {
      return false;
    }
    if (step == 0f) {
      return true;
    }
    double steps = (rating - min) / step;
    return Math.abs(steps - Math.rint(steps)) <= STEP_TOLERANCE;
  }

  /** The number of distinct ratings on this scale, or 0 for a continuous scale. */
  public int levels() {
    return step == 0f ? 0 : (int) Math.rint((max - min) / step) + 1;
  }

  /** A human-readable form such as {@code 0.5..5 step 0.5}. */
  @Override
  public String toString() {
    return trim(min) + ".." + trim(max) + (step == 0f ? " continuous" : " step " + trim(step));
  }

  private static String trim(float value) {
    return value == Math.rint(value) ? Integer.toString((int) value) : Float.toString(value);
  }
}
