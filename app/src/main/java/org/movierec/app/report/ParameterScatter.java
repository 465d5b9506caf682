package org.movierec.app.report;

import java.util.Objects;

/**
 * The score of every trial of a search against the value one configuration key had in it, for a
 * plot that shows where along that key the good trials lie.
 *
 * @param key the configuration key
 * @param values the key's value in each trial
 * @param scores the trial's score, in the same order
 * @param logScale draw the key's axis on a logarithmic scale, as for rates drawn log-uniformly
 */
public record ParameterScatter(String key, double[] values, double[] scores, boolean logScale) {

  /** Copies the series and checks that they pair up. */
  public ParameterScatter {
    Objects.requireNonNull(key, "key");
    values = values.clone();
    scores = scores.clone();
    if (values.length != scores.length) {
      throw new IllegalArgumentException(
          values.length + " values but " + scores.length + " scores");
    }
  }

  /** The plot's file name, e.g. {@code trials-learning_rate.png}. */
  public String fileName() {
    return "trials-" + key.replaceAll("[^a-zA-Z0-9_-]", "_") + ".png";
  }
}
