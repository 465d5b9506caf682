package org.movierec.core.model;

import java.time.Instant;
import java.util.Objects;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;

/**
 * What a model was made from and when: a fingerprint of its training ratings and the time its
 * parameters were set, so that two model files can be told apart by their input, not only by their
 * bytes.
 *
 * @param trainedAt when training set the model's parameters, ISO-8601 in UTC
 * @param dataSha256 the SHA-256 of the training ratings ({@link RatingDatasets#fingerprint})
 * @param ratings how many ratings the model was trained on
 */
public record Provenance(String trainedAt, String dataSha256, long ratings) {

  /** Rejects missing parts. */
  public Provenance {
    Objects.requireNonNull(trainedAt, "trainedAt");
    Objects.requireNonNull(dataSha256, "dataSha256");
  }

  /** The provenance of a model trained on {@code input} whose parameters were set {@code at}. */
  public static Provenance of(RatingDataset input, Instant at) {
    return new Provenance(at.toString(), RatingDatasets.fingerprint(input), input.size());
  }

  /** The same input with parameters set at another time, e.g. a later checkpoint. */
  public Provenance at(Instant when) {
    return new Provenance(when.toString(), dataSha256, ratings);
  }
}
