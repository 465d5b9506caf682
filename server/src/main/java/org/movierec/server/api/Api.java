package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.Retrainer;
import org.movierec.server.metrics.ServerMetrics;

/** Registers every endpoint of the server and the mapping of failures to JSON errors. */
public final class Api {

  private Api() {}

  /**
   * Adds the routes.
   *
   * @param draining set once shutdown has begun, for the readiness check
   * @param feedback the ratings store the write endpoints write into, possibly none
   * @param retrainer the background retrains, or null when the server does not retrain
   */
  public static void addTo(
      RoutesConfig routes,
      Serving serving,
      ServerMetrics metrics,
      AtomicBoolean draining,
      Feedback feedback,
      Retrainer retrainer) {
    int maxBody = serving.config().maxBodyBytes();
    routes.before(
        ctx -> {
          // Refuse a declared oversized body before reading any of it; chunked bodies are cut off
          // by Javalin's maxRequestSize while they are read.
          if (ctx.req().getContentLengthLong() > maxBody) {
            throw ErrorMapping.tooLarge(maxBody);
          }
        });
    new UserEndpoints(serving, feedback).addTo(routes);
    new RatingEndpoints(serving, feedback, Clock.systemUTC()).addTo(routes);
    new RetrainEndpoints(serving, retrainer).addTo(routes);
    new PredictionEndpoints(serving).addTo(routes);
    new FoldInEndpoints(serving).addTo(routes);
    new MovieEndpoints(serving).addTo(routes);
    new ModelEndpoints(serving).addTo(routes);
    new AdminEndpoints(serving, metrics).addTo(routes);
    new HealthEndpoints(serving, draining).addTo(routes);
    new PageEndpoints(metrics).addTo(routes);
    ErrorMapping.addTo(routes, maxBody);
  }
}
