package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /health/live} answers while the process serves HTTP at all; {@code /health/ready} answers
 * 200 while a model is served and 503 once shutdown has begun, so that a load balancer stops
 * sending requests before the server stops accepting them.
 */
final class HealthEndpoints {

  /** The state of the server. */
  record Health(String status, String modelVersion) {}

  private final Serving serving;
  private final AtomicBoolean draining;

  HealthEndpoints(Serving serving, AtomicBoolean draining) {
    this.serving = serving;
    this.draining = draining;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/health/live", ctx -> ctx.json(new Health("live", null)));
    routes.get("/health/ready", this::ready);
  }

  private void ready(Context ctx) {
    if (draining.get()) {
      throw new ApiException(503, "shutting_down", null, "the server is shutting down");
    }
    ctx.json(new Health("ready", serving.models().peek().version()));
  }
}
