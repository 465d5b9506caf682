package org.movierec.server;

import java.util.List;
import java.util.regex.Pattern;
import org.movierec.core.config.ConfigKey;

/**
 * The configuration keys of the server, each declared once with its default; they sit in the same
 * properties file as the runtime keys ({@code device}, {@code threads}, {@code cold_start}) and are
 * never written into a model file.
 */
public final class ServerKeys {

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+");

  /** The address the server listens on. */
  public static final ConfigKey<String> HOST =
      ConfigKey.text(
          "server_host",
          "127.0.0.1",
          "a host name or IP address",
          value -> HOST_NAME.matcher(value).matches(),
          "address the server listens on (127.0.0.1 = this machine only, 0.0.0.0 = all interfaces)");

  /** The TCP port. */
  public static final ConfigKey<Integer> PORT =
      ConfigKey.integer(
          "server_port", 8080, 0, 65_535, "TCP port of the server (0 = any free port)");

  /** The bearer token of the admin endpoints; empty disables them. */
  public static final ConfigKey<String> ADMIN_TOKEN =
      ConfigKey.text(
          "admin_token",
          "",
          "empty, or at least 16 characters without spaces",
          value ->
              value.isEmpty() || (value.length() >= 16 && value.chars().noneMatch(c -> c <= ' ')),
          "bearer token that POST /admin/reload requires (empty = admin endpoints disabled)");

  /** The largest request body accepted. */
  public static final ConfigKey<Integer> MAX_BODY_BYTES =
      ConfigKey.integer(
          "max_body_bytes",
          1 << 20,
          1024,
          1 << 30,
          "largest request body the server reads; larger ones get 413");

  /** The most pairs in one batch prediction. */
  public static final ConfigKey<Integer> MAX_BATCH_PAIRS =
      ConfigKey.integer(
          "max_batch_pairs",
          10_000,
          1,
          1_000_000,
          "most (user, movie) pairs in one POST /v1/ratings:predict");

  /** How long a shutdown waits for requests in flight. */
  public static final ConfigKey<Integer> SHUTDOWN_GRACE_MS =
      ConfigKey.integer(
          "shutdown_grace_ms",
          10_000,
          0,
          600_000,
          "on shutdown, how long requests in flight may take to finish, in milliseconds");

  /** Every server key, in documentation order. */
  public static final List<ConfigKey<?>> ALL =
      List.of(HOST, PORT, ADMIN_TOKEN, MAX_BODY_BYTES, MAX_BATCH_PAIRS, SHUTDOWN_GRACE_MS);

  private ServerKeys() {}
}
