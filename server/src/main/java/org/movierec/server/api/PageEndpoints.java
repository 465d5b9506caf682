package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.movierec.server.metrics.ServerMetrics;

/**
 * What is not JSON about models: the web page at {@code /} with its script and style sheet, the
 * OpenAPI document at {@code /openapi.json} and the Prometheus metrics at {@code /metrics}. The
 * page runs no inline script: its policy lets it load only its own script and style and call only
 * this server.
 */
final class PageEndpoints {

  /** The page's Content-Security-Policy. */
  static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final byte[] page;
  private final byte[] script;
  private final byte[] style;
  private final byte[] openApi;
  private final ServerMetrics metrics;

  PageEndpoints(ServerMetrics metrics) {
    this.metrics = metrics;
    this.page = resource("web/index.html");
    this.script = resource("web/app.js");
    this.style = resource("web/app.css");
    this.openApi = resource("openapi.json");
  }

  void addTo(RoutesConfig routes) {
    routes.get(
        "/",
        ctx -> {
          ctx.header("Content-Security-Policy", PAGE_POLICY);
          send(ctx, "text/html; charset=utf-8", page);
        });
    routes.get("/app.js", ctx -> send(ctx, "text/javascript; charset=utf-8", script));
    routes.get("/app.css", ctx -> send(ctx, "text/css; charset=utf-8", style));
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
