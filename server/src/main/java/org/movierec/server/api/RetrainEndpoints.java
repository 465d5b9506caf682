package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.movierec.server.feedback.RetrainCycle;
import org.movierec.server.feedback.Retrainer;

/**
 * {@code GET /v1/model/lineage}: the background retrains so far and what each swapped in or
 * refused; {@code POST /admin/retrain}: one cycle now, behind the admin token.
 */
final class RetrainEndpoints {

  /** The retrain policy and every cycle so far. */
  record Lineage(
      boolean enabled,
      long everySeconds,
      int afterRatings,
      boolean force,
      long writesSinceLastCycle,
      boolean running,
      List<RetrainCycle> cycles) {}

  private final Serving serving;
  private final Retrainer retrainer;

  RetrainEndpoints(Serving serving, Retrainer retrainer) {
    this.serving = serving;
    this.retrainer = retrainer;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/v1/model/lineage", this::lineage);
    routes.post("/admin/retrain", this::retrain);
  }

  private void lineage(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    if (retrainer == null) {
      ctx.json(new Lineage(false, 0, 0, false, 0, false, List.of()));
      return;
    }
    ctx.json(
        new Lineage(
            true,
            retrainer.policy().every().toSeconds(),
            retrainer.policy().afterRatings(),
            retrainer.policy().force(),
            retrainer.writesSinceLastCycle(),
            retrainer.isRunning(),
            retrainer.lineage()));
  }

  private void retrain(Context ctx) {
    if (serving.config().adminToken().isEmpty()) {
      throw new ApiException(
          403,
          "admin_disabled",
          null,
          "the admin endpoints are disabled because no admin_token is configured; set one in the"
              + " server's configuration file");
    }
    BearerToken.require(ctx, serving.config().adminToken().get(), "admin_token");
    Params.allowOnly(ctx, Set.of());
    if (retrainer == null) {
      throw new ApiException(
          501,
          "no_store",
          null,
          "this server does not retrain: it runs without a ratings store; start it with"
              + " movierec serve --store ratings.db");
    }
    boolean force = retrainer.policy().force();
    byte[] bytes = serving.body(ctx);
    if (bytes.length > 0) {
      JsonNode body = JsonBody.parse(bytes, serving.json(), 4);
      JsonBody.allowOnly(body, "", Set.of("force"));
      JsonNode given = body.get("force");
      if (given != null && !given.isBoolean()) {
        throw ApiException.badField("force", "must be true or false");
      }
      force = given != null && given.booleanValue();
    }
    try {
      ctx.json(retrainer.runOnce(force));
    } catch (Retrainer.RefusedException e) {
      throw new ApiException(409, "retrain_refused", null, e.getMessage());
    } catch (IOException e) {
      throw new ApiException(
          500,
          "retrain_failed",
          null,
          "the candidate could not be saved or loaded ("
              + e.getMessage()
              + "); the serving model"
              + " keeps serving");
    }
  }
}
