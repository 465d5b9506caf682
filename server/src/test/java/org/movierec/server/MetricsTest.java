package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.RunningServer.Reply;

/** {@code /metrics} counts and times requests per endpoint and names the model served. */
class MetricsTest {

  @TempDir Path dir;

  @Test
  void metrics_afterRequests_countThemPerEndpointWithHistogramsModelAndJvm() throws Exception {
    Path file = TestModels.save(dir.resolve("model.mrec"), 15);
    try (RunningServer running =
        RunningServer.start(MovieRecServer.builder().setModelFile(file), ServerConfig.builder())) {
      for (int i = 0; i < 3; i++) {
        running.get("/v1/users/" + TestModels.user(i) + "/recommendations");
      }
      running.get("/v1/users/x/recommendations");
      running.get("/no/such/page");

      Reply reply = running.get("/metrics");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).startsWith("text/plain");
      String recommendations =
          "endpoint=\"/v1/users/{user}/recommendations\",method=\"GET\",status=\"200\"";
      assertThat(reply.body())
          .contains("movierec_http_requests_seconds_count{" + recommendations + "} 3")
          .contains("movierec_http_requests_seconds_bucket{" + recommendations + ",le=")
          .contains(
              "movierec_http_requests_seconds_count{endpoint=\"/v1/users/{user}/recommendations\","
                  + "method=\"GET\",status=\"400\"} 1")
          .contains(
              "movierec_http_requests_seconds_count{endpoint=\"unmatched\",method=\"GET\","
                  + "status=\"404\"} 1")
          .contains(
              "movierec_model_info{backend=\"baseline\",version=\""
                  + ServerEndpointsTest.sha256(file)
                  + "\"} 1")
          .contains("movierec_model_generation 1")
          .contains("jvm_memory_used_bytes{area=\"heap\"");
    }
  }
}
