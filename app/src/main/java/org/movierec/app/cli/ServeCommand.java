package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.config.CommandConfig;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.serve.StopOnSignal;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.model.Model;
import org.movierec.core.pair.PairedModel;
import org.movierec.core.store.RatingStore;
import org.movierec.server.MovieRecServer;
import org.movierec.server.ServerConfig;
import org.movierec.server.ServerKeys;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.FeedbackKeys;
import org.movierec.server.feedback.RetrainPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec serve}: answers predictions and recommendations over HTTP until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a model over HTTP: JSON endpoints under /v1, a web page at /, /metrics, /health/live,"
          + " /health/ready and /openapi.json.",
      "POST /admin/reload swaps in a model file from model_dir while serving (it needs"
          + " admin_token in the --config file, admin_token_file=PATH or MOVIEREC_ADMIN_TOKEN;"
          + " never --set). SIGTERM or Ctrl-C stops the server gracefully with exit code 0."
          + " docs/serving.md describes TLS, the admin port and the limits."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec serve --model seed.mrec",
      "  movierec serve --model seed.mrec --data ml-100k --port 8080",
      "  movierec serve --model seed.mrec --store ratings.db",
      "  movierec serve --model seed.mrec --store ratings.db --retrain-every 1h --retrain-after 1000",
      "  movierec serve --model seed.mrec --config serve.properties --set cold_start=error",
      "  movierec serve --model rank.mrec --rating-model tuned.mrec"
    })
final class ServeCommand extends DataCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Mixin RatingModelOption ratingModel;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "a dataset whose movie list gives titles and whose ratings show users' ratings")
  Path data;

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description =
          "take ratings over HTTP into this store and refit users from it at once: "
              + Stores.DESCRIPTION)
  String store;

  @Option(
      names = "--retrain-every",
      paramLabel = "DURATION",
      description =
          "with --store, retrain in the background this often on a snapshot, e.g. 1h, 30m, 90s;"
              + " a candidate is swapped in only when not worse on a hold-out")
  String retrainEvery;

  @Option(
      names = "--retrain-after",
      paramLabel = "N",
      description = "with --store, retrain in the background once N ratings were written")
  Integer retrainAfter;

  @Option(
      names = "--force",
      description = "swap in a retrained candidate even when it is worse (the reason is logged)")
  boolean force;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "same as --set server_port=P (default 8080; 0 picks a free port)")
  String port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "same as --set server_host=ADDRESS (default 127.0.0.1, this machine only)")
  String host;

  @Override
  public Integer call() throws Exception {
    RetrainPolicy policy = retrainPolicy();
    List<ConfigKey<?>> keys = new ArrayList<>(ServerKeys.ALL);
    keys.addAll(FeedbackKeys.ALL);
    CommandConfig config = ConfigResolver.resolve(request(), keys);
    Injector injector = Wiring.injector(console(), config.effective(), readOptions());
    Map<ConfigKey<?>, Object> serverValues = new LinkedHashMap<>(config.commandValues());
    serverValues.keySet().retainAll(ServerKeys.ALL);
    ServerConfig serverConfig = ServerConfig.builder().optAll(serverValues).build();
    MovieRecServer.Builder builder =
        MovieRecServer.builder()
            .setModelFile(model)
            .optLoader(injector.getInstance(ModelLoader.class)::load)
            .optConfig(serverConfig);
    ratingModel.file().ifPresent(builder::optRatingModelFile);
    if (data != null) {
      builder.optData(ratings(injector.getInstance(DatasetSource.class), data));
    }
    try (RatingStore ratings = store == null ? null : Stores.open(store)) {
      if (ratings != null) {
        String token = (String) config.commandValues().get(FeedbackKeys.WRITE_TOKEN);
        builder.optFeedback(
            Feedback.of(
                ratings, token == null || token.isEmpty() ? Optional.empty() : Optional.of(token)));
        if (data == null) {
          builder.optCatalog(ratings.catalog());
        }
        builder.optRetrain(policy);
      }
      MovieRecServer server = builder.build().start();
      describe(spec.commandLine().getOut(), server, serverConfig, ratings);
      StopOnSignal.serve(server, spec.commandLine().getOut());
    }
    return 0;
  }

  private RetrainPolicy retrainPolicy() {
    if (store == null && (retrainEvery != null || retrainAfter != null || force)) {
      throw new ParameterException(
          spec.commandLine(), "--retrain-every, --retrain-after and --force need --store");
    }
    Duration every = Duration.ZERO;
    if (retrainEvery != null) {
      Matcher matcher = DURATION.matcher(retrainEvery.strip());
      if (!matcher.matches()) {
        throw new ParameterException(
            spec.commandLine(),
            "--retrain-every: '" + retrainEvery + "' is not a duration such as 1h, 30m or 90s");
      }
      long amount = Long.parseLong(matcher.group(1));
      every =
          switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      if (every.compareTo(Duration.ofSeconds(10)) < 0) {
        throw new ParameterException(
            spec.commandLine(), "--retrain-every: at least 10s between retrains");
      }
    }
    if (retrainAfter != null && retrainAfter < 1) {
      throw new ParameterException(
          spec.commandLine(), "--retrain-after: give a count of at least 1, got " + retrainAfter);
    }
    return new RetrainPolicy(every, retrainAfter == null ? 0 : retrainAfter, force, 1);
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

  private ConfigRequest request() {
    ConfigRequest runtime = configOptions.request();
    List<ConfigRequest.Flag> flags = new ArrayList<>(runtime.flags());
    ConfigOptions.addFlag(flags, "--port", ServerKeys.PORT, port);
    ConfigOptions.addFlag(flags, "--host", ServerKeys.HOST, host);
    return new ConfigRequest(runtime.preset(), runtime.file(), runtime.sets(), flags);
  }

  private void describe(
      PrintWriter out, MovieRecServer server, ServerConfig config, RatingStore ratings) {
    var served = server.served();
    Model loaded = served.model();
    out.printf(
        Locale.ROOT,
        "movierec serve: serving %s (%s, version %s, %d users x %d movies%s) at %s%n",
        served.files(),
        loaded instanceof PairedModel pair
            ? pair.rankingModel().info().backend() + " + " + pair.ratingModel().info().backend()
            : loaded.info().backend(),
        served.shortVersion(),
        loaded.users().size(),
        loaded.movies().size(),
        data == null ? "" : ", titles from " + data,
        server.uri());
    out.printf(
        Locale.ROOT,
        "admin endpoints %s; stop with Ctrl-C or SIGTERM (requests in flight get %d ms)%n",
        config.adminEnabled()
            ? "enabled (admin_token) at "
                + server.adminUri()
                + "admin/reload, reading model files"
                + " from "
                + server.modelDirectory()
                + " only"
            : "disabled (no admin_token configured)",
        config.shutdownGrace().toMillis());
    for (String warning : config.exposureWarnings()) {
      out.println("movierec serve: warning: " + warning);
    }
    if (ratings != null) {
      out.printf(
          Locale.ROOT,
          "ratings store %s (%,d ratings): POST /v1/users/{id}/ratings takes ratings; %s%n",
          ratings.location(),
          ratings.size(),
          server
              .retrainer()
              .map(
                  r ->
                      r.policy().scheduled()
                          ? "retrains every "
                              + (r.policy().every().isZero() ? "-" : r.policy().every())
                              + " or after "
                              + (r.policy().afterRatings() == 0 ? "-" : r.policy().afterRatings())
                              + " ratings"
                          : "retrains on POST /admin/retrain")
              .orElse(""));
    }
    out.flush();
  }
}
