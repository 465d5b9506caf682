package org.movierec.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.ConfigKey;

/**
 * How the server runs: where it listens, the admin token, request limits and the shutdown grace
 * period. Every value is one of {@link ServerKeys}; build it with {@link #builder()}.
 *
 * @param host the address to listen on
 * @param port the TCP port, 0 for any free one
 * @param adminToken the admin endpoints' bearer token, empty when they are disabled
 * @param maxBodyBytes the largest request body read
 * @param maxBatchPairs the most pairs in one batch prediction
 * @param shutdownGrace how long a shutdown waits for requests in flight
 */
public record ServerConfig(
    String host,
    int port,
    Optional<String> adminToken,
    int maxBodyBytes,
    int maxBatchPairs,
    Duration shutdownGrace) {

  /** Checks every value against its key. */
  public ServerConfig {
    Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
    values.put(ServerKeys.HOST, host);
    values.put(ServerKeys.PORT, port);
    values.put(ServerKeys.ADMIN_TOKEN, adminToken.orElse(""));
    values.put(ServerKeys.MAX_BODY_BYTES, maxBodyBytes);
    values.put(ServerKeys.MAX_BATCH_PAIRS, maxBatchPairs);
    values.put(
        ServerKeys.SHUTDOWN_GRACE_MS, (int) Math.min(Integer.MAX_VALUE, shutdownGrace.toMillis()));
    List<String> problems = new ArrayList<>();
    values.forEach((key, value) -> check(key, value, problems));
    if (adminToken.isPresent() && adminToken.get().isEmpty()) {
      problems.add("the admin token is empty; leave it out to disable the admin endpoints");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("; ", problems));
    }
  }

  /** The defaults of every key: 127.0.0.1:8080, admin disabled. */
  public static ServerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Tells whether the admin endpoints are enabled. */
  public boolean adminEnabled() {
    return adminToken.isPresent();
  }

  private static void check(ConfigKey<?> key, Object value, List<String> problems) {
    if (value == null) {
      problems.add(key.name() + " is missing");
      return;
    }
    try {
      key.parse(key.format(value));
    } catch (ConfigException e) {
      problems.add(e.getMessage());
    }
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
     * @throws ConfigException listing every value out of range
     */
    public ServerConfig build() {
      String token = get(ServerKeys.ADMIN_TOKEN);
      return new ServerConfig(
          get(ServerKeys.HOST),
          get(ServerKeys.PORT),
          token.isEmpty() ? Optional.empty() : Optional.of(token),
          get(ServerKeys.MAX_BODY_BYTES),
          get(ServerKeys.MAX_BATCH_PAIRS),
          Duration.ofMillis(get(ServerKeys.SHUTDOWN_GRACE_MS)));
    }

    private <T> T get(ConfigKey<T> key) {
      return key.type().cast(values.getOrDefault(key, key.defaultValue()));
    }
  }
}
