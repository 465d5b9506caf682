package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.movierec.server.metrics.ServerMetrics;

/**
 * What is not JSON about models: the web page at {@code /}, the OpenAPI document at {@code
 * /openapi.json} and the Prometheus metrics at {@code /metrics}.
 */
final class PageEndpoints {

  private final byte[] page;
  private final byte[] openApi;
  private final ServerMetrics metrics;

  PageEndpoints(ServerMetrics metrics) {
    this.metrics = metrics;
    this.page = resource("web/index.html");
    this.openApi = resource("openapi.json");
  }

  void addTo(RoutesConfig routes) {
    routes.get("/", ctx -> send(ctx, "text/html; charset=utf-8", page));
    routes.get("/openapi.json", ctx -> send(ctx, "application/json", openApi));
    routes.get(
        "/metrics", ctx -> ctx.contentType(ServerMetrics.CONTENT_TYPE).result(metrics.scrape()));
  }

  private static void send(Context ctx, String type, byte[] content) {
    ctx.contentType(type).result(content);
  }

  /** A file shipped beside these classes, read once at start. */
  private static byte[] resource(String name) {
    String path = "/org/movierec/server/" + name;
    try (InputStream in = PageEndpoints.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the server jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " from the server jar", e);
    }
  }
}
