package org.movierec.server;

import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.movierec.core.config.ConfigException;

/**
 * The server's Jetty connectors: the public one, plain or TLS from a PKCS12 keystore; the admin one
 * when {@code admin_port} is set; and an in-memory one that only the server itself uses, for its
 * first request. Every network connector has the configured idle timeout, and all of them together
 * at most {@code max_connections} connections.
 */
final class Connectors {

  static final String PUBLIC = "public";
  static final String ADMIN = "admin";

  private Connectors() {}

  /** Sets Jetty up for a configuration. */
  static void configure(JettyConfig jetty, ServerConfig config, ErrorHandler errors) {
    jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
          http.setIdleTimeout(config.get(ServerKeys.IDLE_TIMEOUT_MS));
        });
    jetty.addConnector((server, http) -> network(server, http, config, PUBLIC));
    if (config.adminPort().isPresent()) {
      jetty.addConnector((server, http) -> network(server, http, config, ADMIN));
    }
    jetty.addConnector(
        (server, http) -> new LocalConnector(server, new HttpConnectionFactory(http)));
    jetty.modifyServer(
        server -> {
          server.setStopTimeout(config.shutdownGrace().toMillis());
          server.setErrorHandler(errors);
          server.addBean(
              new NetworkConnectionLimit(config.get(ServerKeys.MAX_CONNECTIONS), server));
        });
  }

  private static Connector network(
      Server server, HttpConfiguration http, ServerConfig config, String name) {
    ServerConnector connector;
    Optional<Path> keystore = config.tlsKeystore();
    if (keystore.isPresent()) {
      HttpConfiguration https = new HttpConfiguration(http);
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // The certificate may name the host clients use, not the address the server listens on.
      secure.setSniHostCheck(false);
      https.addCustomizer(secure);
      connector =
          new ServerConnector(
              server,
              new SslConnectionFactory(
                  tls(keystore.get(), config), HttpVersion.HTTP_1_1.asString()),
              new HttpConnectionFactory(https));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setName(name);
    boolean admin = name.equals(ADMIN);
    connector.setHost(admin ? config.adminHost() : config.host());
    connector.setPort(admin ? config.adminPort().getAsInt() : config.port());
    connector.setIdleTimeout(config.get(ServerKeys.IDLE_TIMEOUT_MS));
    return connector;
  }

  private static SslContextFactory.Server tls(Path keystore, ServerConfig config) {
    if (!Files.isRegularFile(keystore) || !Files.isReadable(keystore)) {
      throw new ConfigException(
          "tls_keystore = " + keystore + ": no readable file; give the path of a PKCS12 keystore");
    }
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(keystore.toAbsolutePath().toString());
    tls.setKeyStoreType("PKCS12");
    tls.setKeyStorePassword(config.get(ServerKeys.TLS_KEYSTORE_PASSWORD));
    return tls;
  }

  /** The port the admin connector listens on, once started, when there is one. */
  static Optional<Integer> adminPort(Javalin javalin) {
    for (Connector connector : javalin.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector network && ADMIN.equals(network.getName())) {
        return Optional.of(network.getLocalPort());
      }
    }
    return Optional.empty();
  }

  /**
   * Answers one request through the in-memory connector, as the server's own first request.
   *
   * @return the raw response, status line first
   */
  static String local(Javalin javalin, String path) throws Exception {
    for (Connector connector : javalin.jettyServer().server().getConnectors()) {
      if (connector instanceof LocalConnector local) {
        String request =
            "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        return StandardCharsets.ISO_8859_1
            .decode(local.getResponse(StandardCharsets.ISO_8859_1.encode(request)))
            .toString();
      }
    }
    throw new IllegalStateException("the server has no in-memory connector");
  }
}
