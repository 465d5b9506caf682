package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.Retrainer;
import org.movierec.server.metrics.ServerMetrics;
import org.movierec.server.model.ModelDirectory;

/** Registers every endpoint of the server and the mapping of failures to JSON errors. */
public final class Api {

  /**
   * What the routes need besides the data they answer from.
   *
   * @param metrics the server's metrics
   * @param draining set once shutdown has begun, for the readiness check
   * @param limits the caps on requests in flight and the deadlines
   * @param models the directory reloads read model files from
   * @param adminPort the port of the separate admin connector, or -1 without one
   * @param feedback the ratings store the write endpoints write into, possibly none
   * @param retrainer the background retrains, or null when the server does not retrain
   */
  public record Parts(
      ServerMetrics metrics,
      AtomicBoolean draining,
      RequestLimits limits,
      ModelDirectory models,
      IntSupplier adminPort,
      Feedback feedback,
      Retrainer retrainer) {}

  private Api() {}

  /** Adds the routes, the guards every request passes and the mapping of failures. */
  public static void addTo(RoutesConfig routes, Serving serving, Parts parts) {
    RequestGuards guards = new RequestGuards(serving.config(), parts.adminPort());
    routes.before(guards::check);
    RequestLimits limits = parts.limits();
    new UserEndpoints(serving, limits, parts.feedback()).addTo(routes);
    new RatingEndpoints(serving, limits, parts.feedback(), Clock.systemUTC()).addTo(routes);
    new RetrainEndpoints(serving, parts.retrainer()).addTo(routes);
    new PredictionEndpoints(serving, limits).addTo(routes);
    new FoldInEndpoints(serving, limits).addTo(routes);
    new MovieEndpoints(serving, limits).addTo(routes);
    new ModelEndpoints(serving, limits).addTo(routes);
    new AdminEndpoints(serving, parts.metrics(), limits, parts.models()).addTo(routes);
    new HealthEndpoints(serving, parts.draining()).addTo(routes);
    new PageEndpoints(parts.metrics()).addTo(routes);
    ErrorMapping.addTo(routes, serving.config().maxBodyBytes());
  }
}
