package org.movierec.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.movierec.core.config.ConfigException;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.server.api.Api;
import org.movierec.server.api.JettyErrors;
import org.movierec.server.api.Json;
import org.movierec.server.api.RequestLimits;
import org.movierec.server.api.Serving;
import org.movierec.server.catalog.MovieSearch;
import org.movierec.server.catalog.UserRatings;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.RetrainPolicy;
import org.movierec.server.feedback.Retrainer;
import org.movierec.server.metrics.ServerMetrics;
import org.movierec.server.model.ModelDirectory;
import org.movierec.server.model.ModelFileLoader;
import org.movierec.server.model.ModelFiles;
import org.movierec.server.model.ModelSlot;
import org.movierec.server.model.ServedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server answering from one trained model (or from two, one ordering the lists and one
 * predicting the ratings), with hot model swap, metrics and a web page. Build it with {@link
 * #builder()}, {@link #start()} it, read {@link #port()} (port 0 picks a free one) and {@link
 * #stop()} it: stopping refuses new connections, lets requests in flight finish within the
 * configured grace period and then closes the model.
 *
 * <pre>{@code
 * try (MovieRecServer server =
 *     MovieRecServer.builder().setModelFile(Path.of("seed.mrec")).build().start()) {
 *   System.out.println(server.uri());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class MovieRecServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MovieRecServer.class);

  private final ModelFiles modelFiles;
  private final ModelFileLoader loader;
  private final RatingDataset data;
  private final MovieCatalog catalog;
  private final ServerConfig config;
  private final Feedback feedback;
  private final RetrainPolicy retrainPolicy;
  private Retrainer retrainer;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean counting = new AtomicBoolean();
  private final Object lifecycle = new Object();
  private final AtomicInteger adminPort = new AtomicInteger(-1);
  private ServerMetrics metrics;
  private RequestLimits limits;
  private ModelSlot slot;
  private Javalin javalin;
  private ModelDirectory directory;
  private boolean stopped;

  private MovieRecServer(Builder builder) {
    this.modelFiles =
        new ModelFiles(builder.modelFile, Optional.ofNullable(builder.ratingModelFile));
    this.loader = builder.loader;
    this.data = builder.data;
    this.catalog = builder.catalog != null ? builder.catalog : MovieCatalog.empty();
    this.config = builder.config;
    this.feedback = builder.feedback;
    this.retrainPolicy = builder.retrainPolicy;
  }

  /** A builder; only the model file is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the model and starts listening.
   *
   * @return this server, started
   * @throws org.movierec.core.file.ModelFileException when the model file is damaged or foreign
   * @throws IOException when the model file cannot be read
   * @throws IllegalStateException when it was started before or the port cannot be bound
   */
  public MovieRecServer start() throws IOException {
    synchronized (lifecycle) {
      if (javalin != null || stopped) {
        throw new IllegalStateException("a MovieRecServer starts once; build a new one");
      }
      metrics = new ServerMetrics();
      try {
        Path dir = config.modelDir().orElse(modelFiles.model().toAbsolutePath().getParent());
        directory = ModelDirectory.of(dir, config.get(ServerKeys.MAX_MODEL_BYTES));
        slot =
            ModelSlot.open(
                modelFiles, loader, Clock.systemUTC(), (old, next) -> metrics.served(next));
        limits = new RequestLimits(config);
        if (feedback.enabled()) {
          // Fails at start, naming the store, when it is locked or on another scale.
          feedback.store().requireScale(slot.peek().model().scale());
          retrainer =
              new Retrainer(
                  feedback, slot, BackendRegistry.discover(), retrainPolicy, Clock.systemUTC());
        }
        ObjectMapper json = Json.mapper();
        Serving serving =
            new Serving(
                slot,
                catalog,
                new MovieSearch(catalog),
                data == null ? UserRatings.none() : UserRatings.of(data),
                config,
                json);
        javalin =
            Javalin.create(
                javalinConfig -> {
                  javalinConfig.startup.showJavalinBanner = false;
                  javalinConfig.startup.showOldJavalinVersionWarning = false;
                  javalinConfig.jsonMapper(new JavalinJackson(json, false));
                  javalinConfig.http.maxRequestSize = config.maxBodyBytes();
                  javalinConfig.http.prefer405over404 = true;
                  Connectors.configure(javalinConfig.jetty, config, new JettyErrors(json));
                  javalinConfig.requestLogger.http(
                      (ctx, millis) -> {
                        if (counting.get()) {
                          metrics.request(
                              ctx.method().name(),
                              endpointOf(ctx.endpoints().lastHttpEndpoint()),
                              ctx.statusCode(),
                              millis);
                        }
                      });
                  Api.addTo(
                      javalinConfig.routes,
                      serving,
                      new Api.Parts(
                          metrics,
                          draining,
                          limits,
                          directory,
                          adminPort::get,
                          feedback,
                          retrainer));
                });
        javalin.start();
        Connectors.adminPort(javalin).ifPresent(adminPort::set);
        warmUp();
        counting.set(true);
        if (retrainer != null) {
          retrainer.start();
        }
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        throw e;
      }
      LOG.info("serving {} (version {}) at {}", modelFiles, slot.peek().shortVersion(), uri());
      if (adminPort.get() >= 0) {
        LOG.info("admin endpoints at {}", adminUri());
      }
      LOG.info("reloads read model files from {} only", directory.root());
      config.exposureWarnings().forEach(warning -> LOG.warn("{}", warning));
      return this;
    }
  }

  /**
   * Sends one request before {@link #start()} returns. Javalin 7 sets up its servlet's context on
   * the first request through a lazy value that is not thread-safe, so two first requests at once
   * could fail with a NullPointerException (a 500); one request here sets it up alone, through the
   * in-memory connector, so that it needs neither the network nor the TLS certificate. It is not
   * counted in the metrics.
   */
  private void warmUp() throws IOException {
    try {
      Connectors.local(javalin, "/health/live");
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the server's first request failed: " + e, e);
    }
  }

  /** The port the server listens on, e.g. the free one chosen for port 0. */
  public int port() {
    synchronized (lifecycle) {
      if (javalin == null) {
        throw new IllegalStateException("the server is not started");
      }
      return javalin.port();
    }
  }

  /** The base address, e.g. {@code http://127.0.0.1:8080/} or {@code https://[::1]:8443/}. */
  public URI uri() {
    return address(config.host(), port());
  }

  /**
   * The base address of the admin endpoints: their own port when {@code admin_port} is set, else
   * the server's.
   */
  public URI adminUri() {
    int admin = adminPort.get();
    return admin < 0 ? uri() : address(config.adminHost(), admin);
  }

  /** The model directory reloads read from, as a real path. */
  public Path modelDirectory() {
    return directory.root();
  }

  private URI address(String host, int port) {
    String scheme = config.tlsKeystore().isPresent() ? "https" : "http";
    String shown = host.contains(":") ? "[" + host + "]" : host;
    if (shown.equals("0.0.0.0") || shown.equals("[::]")) {
      shown = "127.0.0.1";
    }
    return URI.create(scheme + "://" + shown + ":" + port + "/");
  }

  /** The model being served now; its model may be replaced and closed at any time. */
  public ServedModel served() {
    return slot.peek();
  }

  /**
   * Loads a model file beside the served one and swaps it in, as {@code POST /admin/reload} does.
   *
   * @throws org.movierec.core.file.ModelFileException when the file is damaged; the old model keeps
   *     serving
   * @throws IOException when the file cannot be read; the old model keeps serving
   */
  public ServedModel reload(Path file) throws IOException {
    return slot.reload(file).next();
  }

  /**
   * Loads a model file, or a model file and a rating model file, beside the served model and swaps
   * it in whole, as {@code POST /admin/reload} does.
   *
   * @throws org.movierec.core.file.ModelFileException when a file is damaged; the old model keeps
   *     serving
   * @throws IllegalArgumentException when the two models of a pair know other users or movies; the
   *     old model keeps serving
   * @throws IOException when a file cannot be read; the old model keeps serving
   */
  public ServedModel reload(ModelFiles files) throws IOException {
    return slot.reload(files).next();
  }

  /** The background retrains, when the server runs against a ratings store. */
  public Optional<Retrainer> retrainer() {
    return Optional.ofNullable(retrainer);
  }

  /** The routes served, as {@code METHOD path} such as {@code GET /v1/model}. */
  public List<String> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(entry -> entry.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .toList();
  }

  /**
   * Stops the server: the readiness check fails, new connections are refused, requests in flight
   * get the grace period to finish, then the model is closed. Stopping twice is harmless.
   */
  public void stop() {
    synchronized (lifecycle) {
      if (stopped) {
        return;
      }
      stopped = true;
      draining.set(true);
      long start = System.nanoTime();
      closeQuietly();
      LOG.info("stopped after {} ms", (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void closeQuietly() {
    if (retrainer != null) {
      retrainer.close();
    }
    if (javalin != null) {
      try {
        javalin.stop();
      } catch (RuntimeException e) {
        LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
      }
    }
    if (limits != null) {
      limits.close();
    }
    if (slot != null) {
      slot.close();
    }
    if (metrics != null) {
      metrics.close();
    }
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("[::1]");
  }

  private static String endpointOf(Endpoint endpoint) {
    return endpoint == null ? "unmatched" : endpoint.path;
  }

  /** Collects what the server serves; {@link #setModelFile} is required. */
  public static final class Builder {

    private Path modelFile;
    private Path ratingModelFile;
    private ModelFileLoader loader;
    private RatingDataset data;
    private MovieCatalog catalog;
    private ServerConfig config = ServerConfig.defaults();
    private Feedback feedback = Feedback.none();
    private RetrainPolicy retrainPolicy = RetrainPolicy.onRequest();

    /** When to retrain in the background; only on {@code POST /admin/retrain} by default. */
    public Builder optRetrain(RetrainPolicy policy) {
      this.retrainPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    private Builder() {}

    /**
     * The ratings store the write endpoints write into and users are refit from; the caller closes
     * the store after the server has stopped.
     */
    public Builder optFeedback(Feedback feedback) {
      this.feedback = Objects.requireNonNull(feedback, "feedback");
      return this;
    }

    /** The model file to serve first; reloads may replace it. */
    public Builder setModelFile(Path file) {
      this.modelFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * A second model file whose model answers every predicted rating, while the model file's orders
     * the lists ({@link org.movierec.core.pair.PairedModel}); both must know the same users and
     * movies. Reloads without a body read both files again.
     */
    public Builder optRatingModelFile(Path file) {
      this.ratingModelFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** How model files become models; by default the backends on the class path. */
    public Builder optLoader(ModelFileLoader loader) {
      this.loader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** A dataset whose catalog gives titles and genres and whose ratings show what users rated. */
    public Builder optData(RatingDataset data) {
      this.data = Objects.requireNonNull(data, "data");
      return this;
    }

    /** Titles and genres, when no dataset is given; a dataset's catalog wins over it. */
    public Builder optCatalog(MovieCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Where to listen, limits and the admin token; the defaults otherwise. */
    public Builder optConfig(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * A server ready to start.
     *
     * @throws IllegalStateException when no model file was set
     */
    public MovieRecServer build() {
      if (modelFile == null) {
        throw new IllegalStateException("setModelFile is required: the server needs a model");
      }
      if (loader == null) {
        loader = ModelFileLoader.discover();
      }
      if (ratingModelFile != null && feedback.enabled() && retrainPolicy.scheduled()) {
        throw new ConfigException(
            "background retraining trains one model file, but this server serves two ("
                + modelFile
                + " for lists, "
                + ratingModelFile
                + " for predicted ratings); drop --retrain-every and --retrain-after, retrain both"
                + " with movierec train and swap them in with POST /admin/reload");
      }
      if (feedback.enabled() && feedback.writeToken().isEmpty() && !isLoopback(config.host())) {
        throw new ConfigException(
            "server_host="
                + config.host()
                + " reaches beyond this machine, and with a ratings store anyone who reaches it"
                + " could write ratings; set write_token (at least 16 characters) or listen on"
                + " 127.0.0.1");
      }
      if (data != null) {
        catalog = data.catalog();
      }
      return new MovieRecServer(this);
    }
  }
}
