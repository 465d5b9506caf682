package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code movierec newusers}: held-out users folded in, measured beside the references. */
class NewUsersCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void newusers_referencesAll_measuresTheModelPopularityItemKnnAndEaseForTheSameUsers()
      throws IOException {
    CliRun run = CliRun.of("newusers", "--data", "sample", "--backend", "baseline", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    JsonNode results = json.get("results");
    List<String> rows = new ArrayList<>();
    results.fieldNames().forEachRemaining(rows::add);
    assertThat(rows).containsExactly("model", "most_rated", "itemknn", "ease");
    int users = json.get("held_out_users").asInt();
    assertThat(users).isPositive();
    for (String row : rows) {
      assertThat(
              results.get(row).get("users").asInt()
                  + results.get(row).get("users_without_relevant").asInt())
          .as(row + " is measured on every held-out user")
          .isEqualTo(users);
      assertThat(results.get(row).get("ndcg").asDouble()).as(row).isBetween(0.0, 1.0);
    }
    assertThat(results.get("itemknn").get("ndcg").asDouble())
        .as("item-kNN's lists are not the bias baseline's")
        .isNotEqualTo(results.get("model").get("ndcg").asDouble());
  }

  @Test
  void newusers_referencesNone_measuresTheModelAlone() throws IOException {
    CliRun run =
        CliRun.of(
            "newusers",
            "--data",
            "sample",
            "--backend",
            "baseline",
            "--references",
            "none",
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> rows = new ArrayList<>();
    JSON.readTree(run.out()).get("results").fieldNames().forEachRemaining(rows::add);
    assertThat(rows).containsExactly("model");
  }
}
