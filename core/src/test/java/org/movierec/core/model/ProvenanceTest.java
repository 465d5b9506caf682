package org.movierec.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.training.TrainingSummary;

/**
 * A trained state records a fingerprint of its input and when it was made; the record survives the
 * model file, and a file written before it was recorded reads without one.
 */
class ProvenanceTest {

  private static ColumnarRatings ratings(float lastRating) {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    builder.add(1, 10, 4, 880_000_000L);
    builder.add(2, 10, 3, 880_000_001L);
    builder.add(2, 11, lastRating, 880_000_002L);
    return builder.build();
  }

  private static ModelInfo info() {
    return new ModelInfo(
        "test", "none", "biases", Map.of(), new TrainingSummary(1, 1, 0, 3, List.of()));
  }

  @Test
  void fingerprint_sameRatings_sameHash_anyRatingChanged_otherHash() {
    assertThat(RatingDatasets.fingerprint(ratings(5)))
        .hasSize(64)
        .isEqualTo(RatingDatasets.fingerprint(ratings(5)));
    assertThat(RatingDatasets.fingerprint(ratings(4)))
        .isNotEqualTo(RatingDatasets.fingerprint(ratings(5)));
  }

  @Test
  void of_stampsTheInputsFingerprintAndTime_andSurvivesTheModelFile() {
    Instant before = Instant.now();
    ColumnarRatings input = ratings(5);
    TrainedState state = TrainedState.of(input, Biases.fit(input, 1, 1, 1), info());

    Provenance provenance = state.info().trainedFrom().orElseThrow();
    assertThat(provenance.dataSha256()).isEqualTo(RatingDatasets.fingerprint(input));
    assertThat(provenance.ratings()).isEqualTo(3);
    assertThat(Instant.parse(provenance.trainedAt())).isAfterOrEqualTo(before);

    ModelFileWriter out = ModelFile.writer("test");
    state.writeTo(out);
    TrainedState read =
        TrainedState.readFrom(ModelFile.parse(java.nio.file.Path.of("m"), out.toByteArray()));
    assertThat(read.info()).isEqualTo(state.info());
  }

  @Test
  void withInfo_laterMetrics_keepTheFingerprintWithANewTime() throws InterruptedException {
    ColumnarRatings input = ratings(5);
    TrainedState state = TrainedState.of(input, Biases.fit(input, 1, 1, 1), info());
    Thread.sleep(5);

    TrainedState later = state.withInfo(info());

    Provenance first = state.info().trainedFrom().orElseThrow();
    Provenance second = later.info().trainedFrom().orElseThrow();
    assertThat(second.dataSha256()).isEqualTo(first.dataSha256());
    assertThat(Instant.parse(second.trainedAt())).isAfter(Instant.parse(first.trainedAt()));
  }

  @Test
  void infoJson_writtenBeforeProvenance_readsWithout() throws Exception {
    String older =
        "{\"backend\":\"test\",\"engine\":\"none\",\"architecture\":\"biases\",\"config\":{},"
            + "\"summary\":{\"epochsRun\":1,\"bestEpoch\":1,\"trainSeconds\":0.0,"
            + "\"samplesProcessed\":3,\"history\":[]}}";

    ModelInfo info =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(older.getBytes(StandardCharsets.UTF_8), ModelInfo.class);

    assertThat(info.trainedFrom()).isEmpty();
    assertThat(info.backend()).isEqualTo("test");
  }
}
