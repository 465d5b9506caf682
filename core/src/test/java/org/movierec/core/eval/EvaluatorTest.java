package org.movierec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.rank.PopularityRecommender;

class EvaluatorTest {

  private final ObjectMapper json = new ObjectMapper();

  private static RatingDataset train() {
    return new RatingsBuilder(RatingScale.WHOLE_STARS)
        .add(1, 1, 4, 0)
        .add(1, 2, 2, 0)
        .add(2, 1, 5, 0)
        .add(2, 3, 3, 0)
        .build();
  }

  private static RatingDataset test() {
    return new RatingsBuilder(RatingScale.WHOLE_STARS).add(1, 3, 4, 0).add(2, 2, 5, 0).build();
  }

  private static TableModel model() {
    return new TableModel(
        train(),
        TableModel.table().put(1, 3, 3f).put(2, 2, 4.5f).build(),
        ColdStartPolicy.FALLBACK);
  }

  @Test
  void evaluate_model_combinesRatingAndRankingMetrics() {
    Evaluator evaluator = new Evaluator(EvaluationOptions.DEFAULTS.withK(1));

    EvaluationReport report = evaluator.evaluate(model(), test());

    assertThat(report.rating()).isEqualTo(RatingEvaluator.evaluate(model(), test()));
    assertThat(report.ranking())
        .isEqualTo(new RankingEvaluator(evaluator.options()).evaluate(model(), test()));
    // each user's only unseen movie is the relevant test movie
    assertThat(report.ranking().hitRate()).isEqualTo(1.0);
    assertThat(report.popularity().mostRated())
        .isEqualTo(
            new RankingEvaluator(evaluator.options())
                .evaluate(PopularityRecommender.mostRated(model()), test()));
    assertThat(report.popularity().bestRated())
        .isEqualTo(
            new RankingEvaluator(evaluator.options())
                .evaluate(
                    PopularityRecommender.bestRated(
                        model(), PopularityRecommender.DEFAULT_PRIOR_RATINGS),
                    test()));
    assertThat(report.popularity().priorRatings())
        .isEqualTo(PopularityRecommender.DEFAULT_PRIOR_RATINGS);
  }

  @Test
  void report_toJson_usesSnakeCaseNamesAndReadsBackEqual() throws Exception {
    EvaluationReport report = new Evaluator().evaluate(model(), test());

    String text = json.writeValueAsString(report);
    JsonNode tree = json.readTree(text);

    assertThat(tree.path("rating").path("rmse").asDouble()).isEqualTo(report.rating().rmse());
    assertThat(tree.path("rating").has("cold_pairs")).isTrue();
    assertThat(tree.path("rating").path("cold_rmse").asText()).isEqualTo("NaN");
    assertThat(tree.path("ranking").has("hit_rate")).isTrue();
    assertThat(tree.path("ranking").has("users_without_relevant")).isTrue();
    assertThat(tree.path("ranking").path("relevance_threshold").asDouble()).isEqualTo(4.0);
    assertThat(tree.path("popularity").path("most_rated").has("ndcg")).isTrue();
    assertThat(tree.path("popularity").path("best_rated").has("ndcg")).isTrue();
    assertThat(json.readValue(text, EvaluationReport.class)).isEqualTo(report);
  }
}
