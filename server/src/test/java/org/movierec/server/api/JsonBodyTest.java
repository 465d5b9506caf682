package org.movierec.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The bounded JSON parser counts values while it reads: a megabyte of empty objects is refused
 * after the endpoint's budget of nodes, never built whole; a field given twice is refused.
 */
class JsonBodyTest {

  /** A node factory that counts the containers it makes. */
  static final class CountingNodes extends JsonNodeFactory {
    final AtomicInteger made = new AtomicInteger();

    @Override
    public ObjectNode objectNode() {
      made.incrementAndGet();
      return super.objectNode();
    }

    @Override
    public ArrayNode arrayNode() {
      made.incrementAndGet();
      return super.arrayNode();
    }
  }

  @Test
  void parse_aMebibyteOfEmptyObjects_isRefusedBeforeTheTreeIsBuilt() {
    StringBuilder body = new StringBuilder("{\"ratings\": [");
    while (body.length() < (1 << 20) - 10) {
      body.append("{},");
    }
    body.append("{}]}");
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    CountingNodes nodes = new CountingNodes();
    ObjectMapper mapper = Json.mapper().setNodeFactory(nodes);

    assertThatThrownBy(() -> FoldInEndpoints.parse(bytes, mapper))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("more than " + FoldInEndpoints.MAX_VALUES + " JSON values");
    assertThat(bytes.length / 3).as("empty objects in the body").isGreaterThan(340_000);
    assertThat(nodes.made.get())
        .as("nodes made before the refusal")
        .isLessThanOrEqualTo(FoldInEndpoints.MAX_VALUES + 1);
  }

  @Test
  void parse_aFieldGivenTwice_isRefusedNamingIt() {
    byte[] bytes = "{\"top\": 3, \"top\": 5}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> JsonBody.parse(bytes, Json.mapper(), 100))
        .isInstanceOf(ApiException.class)
        .hasMessage("top is given twice; give it once");
  }

  @Test
  void parse_withinItsBudget_buildsTheSameTreeAsJackson() throws Exception {
    String text =
        "{\"pairs\": [{\"user\": 1, \"movie\": 2}, {\"user\": 3, \"movie\": 4.5}],"
            + " \"x\": [true, false, null, \"s\", 12345678901]}";

    JsonNode parsed = JsonBody.parse(text.getBytes(StandardCharsets.UTF_8), Json.mapper(), 100);

    assertThat(parsed).isEqualTo(new ObjectMapper().readTree(text));
  }

  @Test
  void parse_trailingValue_isRefused() {
    byte[] bytes = "{} {}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> JsonBody.parse(bytes, Json.mapper(), 100))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("more than one JSON value");
  }
}
