package org.movierec.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.ConfigKey;

/**
 * How the server runs: where it listens, TLS, the admin token and port, the model directory,
 * request limits and the shutdown grace period. Every value is one of {@link ServerKeys}, read with
 * {@link #get}; build it with {@link #builder()}. Its text form never shows a secret.
 */
public final class ServerConfig {

  private final Map<ConfigKey<?>, Object> values;

  private ServerConfig(Map<ConfigKey<?>, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** The defaults of every key: 127.0.0.1:8080, admin disabled, every limit at its default. */
  public static ServerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of a server key. */
  public <T> T get(ConfigKey<T> key) {
    return key.type().cast(values.get(key));
  }

  /** The address to listen on, without the brackets an IPv6 address may be written with. */
  public String host() {
    return unbracketed(get(ServerKeys.HOST));
  }

  /** The TCP port, 0 for any free one. */
  public int port() {
    return get(ServerKeys.PORT);
  }

  /** The admin endpoints' bearer token, empty when they are disabled. */
  public Optional<String> adminToken() {
    String token = get(ServerKeys.ADMIN_TOKEN);
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** Tells whether the admin endpoints are enabled. */
  public boolean adminEnabled() {
    return adminToken().isPresent();
  }

  /** The separate admin port, when the admin endpoints have one. */
  public OptionalInt adminPort() {
    int port = get(ServerKeys.ADMIN_PORT);
    return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
  }

  /** The address of the separate admin port. */
  public String adminHost() {
    return unbracketed(get(ServerKeys.ADMIN_HOST));
  }

  /** The configured model directory, when one is set. */
  public Optional<Path> modelDir() {
    String dir = get(ServerKeys.MODEL_DIR);
    return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  /** The PKCS12 keystore, when TLS is on. */
  public Optional<Path> tlsKeystore() {
    String store = get(ServerKeys.TLS_KEYSTORE);
    return store.isBlank() ? Optional.empty() : Optional.of(Path.of(store));
  }

  /** The largest request body read. */
  public int maxBodyBytes() {
    return get(ServerKeys.MAX_BODY_BYTES);
  }

  /** The most pairs in one batch prediction. */
  public int maxBatchPairs() {
    return get(ServerKeys.MAX_BATCH_PAIRS);
  }

  /** How long a shutdown waits for requests in flight. */
  public Duration shutdownGrace() {
    return Duration.ofMillis(get(ServerKeys.SHUTDOWN_GRACE_MS));
  }

  /**
   * The Host header names answered, lower case and without port: the configured list, or by default
   * the loopback names and the listening address; {@code *} alone when any is answered.
   */
  public Set<String> allowedHosts() {
    String list = get(ServerKeys.ALLOWED_HOSTS).strip();
    Set<String> hosts = new LinkedHashSet<>();
    if (list.isEmpty()) {
      hosts.addAll(List.of("localhost", "127.0.0.1", "::1"));
      if (!isWildcard(host())) {
        hosts.add(host().toLowerCase(Locale.ROOT));
      }
    } else {
      for (String host : list.split(",")) {
        hosts.add(unbracketed(host.strip()).toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(hosts);
  }

  /**
   * What is exposed without protection, one warning each: a listening address beyond this machine
   * without TLS, where the admin token and every answer cross the network in clear.
   */
  public List<String> exposureWarnings() {
    List<String> warnings = new ArrayList<>();
    if (tlsKeystore().isEmpty()) {
      if (!isLoopback(host())) {
        warnings.add(
            "server_host = "
                + host()
                + " is reachable beyond this machine without TLS: answers"
                + (adminEnabled() && adminPort().isEmpty() ? " and the admin token" : "")
                + " cross the network in clear; set tls_keystore, or listen on 127.0.0.1 behind a"
                + " TLS proxy");
      }
      if (adminEnabled() && adminPort().isPresent() && !isLoopback(adminHost())) {
        warnings.add(
            "admin_host = "
                + adminHost()
                + " is reachable beyond this machine without TLS: the admin token crosses the"
                + " network in clear; set tls_keystore or admin_host = 127.0.0.1");
      }
    }
    return warnings;
  }

  /** Tells whether an address is this machine only; a name is looked up, never a wildcard. */
  static boolean isLoopback(String host) {
    if (isWildcard(host)) {
      return false;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
  }

  static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** Every key with its value, secrets shown only as set or empty. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "ServerConfig[", "]");
    for (ConfigKey<?> key : ServerKeys.ALL) {
      text.add(key.name() + "=" + key.display(values.get(key)));
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerConfig that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Collects server settings; every one is optional and starts at its key's default. */
  public static final class Builder {

    private final Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the value of any server key, e.g. from a resolved configuration file. */
    public <T> Builder opt(ConfigKey<T> key, T value) {
      put(key, value);
      return this;
    }

    /** Sets every entry of a map of server keys to values, e.g. from a resolved configuration. */
    public Builder optAll(Map<ConfigKey<?>, Object> entries) {
      entries.forEach(this::put);
      return this;
    }

    private void put(ConfigKey<?> key, Object value) {
      if (!ServerKeys.ALL.contains(key)) {
        throw new IllegalArgumentException(key.name() + " is not a server key");
      }
      values.put(key, key.type().cast(value));
    }

    /** The address to listen on. */
    public Builder optHost(String host) {
      return opt(ServerKeys.HOST, host);
    }

    /** The TCP port, 0 for any free one. */
    public Builder optPort(int port) {
      return opt(ServerKeys.PORT, port);
    }

    /** The admin endpoints' bearer token; without one they are disabled. */
    public Builder optAdminToken(String token) {
      return opt(ServerKeys.ADMIN_TOKEN, token);
    }

    /** The largest request body read. */
    public Builder optMaxBodyBytes(int bytes) {
      return opt(ServerKeys.MAX_BODY_BYTES, bytes);
    }

    /** The most pairs in one batch prediction. */
    public Builder optMaxBatchPairs(int pairs) {
      return opt(ServerKeys.MAX_BATCH_PAIRS, pairs);
    }

    /** How long a shutdown waits for requests in flight. */
    public Builder optShutdownGrace(Duration grace) {
      return opt(ServerKeys.SHUTDOWN_GRACE_MS, (int) Math.min(Integer.MAX_VALUE, grace.toMillis()));
    }

    /**
     * Validates and freezes the settings.
     *
     * @throws ConfigException listing every value out of range, secrets never shown
     */
    public ServerConfig build() {
      Map<ConfigKey<?>, Object> all = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      for (ConfigKey<?> key : ServerKeys.ALL) {
        Object value = values.getOrDefault(key, key.defaultValue());
        if (value == null) {
          problems.add(key.name() + " is missing");
          continue;
        }
        try {
          key.parse(key.format(value));
        } catch (ConfigException e) {
          problems.add(e.getMessage());
        }
        all.put(key, value);
      }
      checkPaths(all, problems);
      if (!problems.isEmpty()) {
        throw new ConfigException(String.join("; ", problems));
      }
      return new ServerConfig(all);
    }

    private static void checkPaths(Map<ConfigKey<?>, Object> all, List<String> problems) {
      for (ConfigKey<?> key : List.of(ServerKeys.MODEL_DIR, ServerKeys.TLS_KEYSTORE)) {
        try {
          Path.of((String) all.get(key));
        } catch (InvalidPathException e) {
          problems.add(
              "bad value for " + key.name() + ": not a valid path (" + e.getReason() + ")");
        }
      }
      boolean tls = !((String) all.get(ServerKeys.TLS_KEYSTORE)).isBlank();
      if (tls && ((String) all.get(ServerKeys.TLS_KEYSTORE_PASSWORD)).isEmpty()) {
        problems.add(
            "tls_keystore is set without tls_keystore_password; give the keystore's password in"
                + " the --config file, tls_keystore_password_file=PATH or"
                + " MOVIEREC_TLS_KEYSTORE_PASSWORD");
      }
    }
  }
}
