package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The ranking quality of one reference ranker on the same test users, list length and threshold as
 * a model's, or why it could not be measured here.
 *
 * @param backend the reference's backend name, such as {@code itemknn}
 * @param description what the reference model is, as its backend describes it
 * @param metrics its lists' metrics; {@code null} when it was not measured
 * @param unavailable why it was not measured, such as a catalog too large for its memory; {@code
 *     null} when it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceMetrics(
    @JsonProperty("backend") String backend,
    @JsonProperty("description") String description,
    @JsonProperty("metrics") RankingMetrics metrics,
    @JsonProperty("unavailable") String unavailable) {

  /** Checks that exactly one of the metrics and the reason is present. */
  public ReferenceMetrics {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(description, "description");
    if ((metrics == null) == (unavailable == null)) {
      throw new IllegalArgumentException(
          "a reference has either metrics or a reason it has none, not both or neither");
    }
  }

  /** Tells whether the reference was measured. */
  public boolean measured() {
    return metrics != null;
  }
}
