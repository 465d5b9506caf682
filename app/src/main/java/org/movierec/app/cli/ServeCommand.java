package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.config.CommandConfig;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.serve.StopOnSignal;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.model.Model;
import org.movierec.core.store.RatingStore;
import org.movierec.server.MovieRecServer;
import org.movierec.server.ServerConfig;
import org.movierec.server.ServerKeys;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.FeedbackKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec serve}: answers predictions and recommendations over HTTP until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a model over HTTP: JSON endpoints under /v1, a web page at /, /metrics, /health/live,"
          + " /health/ready and /openapi.json.",
      "POST /admin/reload swaps in a new model file while serving (it needs admin_token in the"
          + " --config file). SIGTERM or Ctrl-C stops the server gracefully with exit code 0."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec serve --model seed.mrec",
      "  movierec serve --model seed.mrec --data ml-100k --port 8080",
      "  movierec serve --model seed.mrec --store ratings.db",
      "  movierec serve --model seed.mrec --config serve.properties --set cold_start=error"
    })
final class ServeCommand extends DataCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

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
      }
      MovieRecServer server = builder.build().start();
      describe(spec.commandLine().getOut(), server, serverConfig, ratings);
      StopOnSignal.serve(server, spec.commandLine().getOut());
    }
    return 0;
  }

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
        model,
        loaded.info().backend(),
        served.version().substring(0, 12),
        loaded.users().size(),
        loaded.movies().size(),
        data == null ? "" : ", titles from " + data,
        server.uri());
    out.printf(
        Locale.ROOT,
        "admin endpoints %s; stop with Ctrl-C or SIGTERM (requests in flight get %d ms)%n",
        config.adminEnabled() ? "enabled (admin_token)" : "disabled (no admin_token configured)",
        config.shutdownGrace().toMillis());
    if (ratings != null) {
      out.printf(
          Locale.ROOT,
          "ratings store %s (%,d ratings): POST /v1/users/{id}/ratings takes ratings%n",
          ratings.location(),
          ratings.size());
    }
    out.flush();
  }
}
