package org.movierec.server;

import java.util.List;
import java.util.regex.Pattern;
import org.movierec.core.config.ConfigKey;

/**
 * The configuration keys of the server, each declared once with its default; they sit in the same
 * properties file as the runtime keys ({@code device}, {@code threads}, {@code cold_start}) and are
 * never written into a model file. The defaults are the safe ones: loopback only, admin disabled,
 * every limit on.
 */
public final class ServerKeys {

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+");
  private static final Pattern HOST_LIST =
      Pattern.compile("\\*|[A-Za-z0-9.:\\-\\[\\]]+(,\\s*[A-Za-z0-9.:\\-\\[\\]]+)*");

  /** The address the server listens on. */
  public static final ConfigKey<String> HOST =
      ConfigKey.text(
          "server_host",
          "127.0.0.1",
          "a host name or IP address, an IPv6 address with or without brackets",
          value -> HOST_NAME.matcher(value).matches(),
          "address the server listens on (127.0.0.1 = this machine only, 0.0.0.0 = all interfaces)");

  /** The TCP port. */
  public static final ConfigKey<Integer> PORT =
      ConfigKey.integer(
          "server_port", 8080, 0, 65_535, "TCP port of the server (0 = any free port)");

  /** The bearer token of the admin endpoints; empty disables them. */
  public static final ConfigKey<String> ADMIN_TOKEN =
      ConfigKey.secret(
          "admin_token",
          "empty, or at least 16 visible ASCII characters (! to ~)",
          ServerKeys::validToken,
          "bearer token that POST /admin/reload requires (empty = admin endpoints disabled); a"
              + " secret: from the --config file, admin_token_file=PATH or MOVIEREC_ADMIN_TOKEN,"
              + " never --set");

  /** A separate port for the admin endpoints. */
  public static final ConfigKey<Integer> ADMIN_PORT =
      ConfigKey.integer(
          "admin_port",
          -1,
          -1,
          65_535,
          "port of its own for /admin/* (-1 = the server's port; 0 = any free port); the"
              + " server's port then answers no admin request");

  /** The address of the separate admin port. */
  public static final ConfigKey<String> ADMIN_HOST =
      ConfigKey.text(
          "admin_host",
          "127.0.0.1",
          "a host name or IP address",
          value -> HOST_NAME.matcher(value).matches(),
          "address the separate admin port listens on");

  /** The directory reloads read model files from. */
  public static final ConfigKey<String> MODEL_DIR =
      ConfigKey.text(
          "model_dir",
          "",
          "empty, or the path of a directory",
          value -> true,
          "the only directory POST /admin/reload reads model files from (empty = the directory"
              + " of the served --model file)");

  /** The largest model file a reload reads. */
  public static final ConfigKey<Integer> MAX_MODEL_BYTES =
      ConfigKey.integer(
          "max_model_bytes",
          1 << 30,
          1024,
          Integer.MAX_VALUE - 64,
          "largest model file a reload reads, in bytes");

  /** The PKCS12 keystore that turns TLS on. */
  public static final ConfigKey<String> TLS_KEYSTORE =
      ConfigKey.text(
          "tls_keystore",
          "",
          "empty, or the path of a PKCS12 keystore",
          value -> true,
          "PKCS12 keystore with the server's key and certificate (empty = plain HTTP)");

  /** The keystore's password. */
  public static final ConfigKey<String> TLS_KEYSTORE_PASSWORD =
      ConfigKey.secret(
          "tls_keystore_password",
          "any text",
          value -> true,
          "password of tls_keystore; a secret: from the --config file,"
              + " tls_keystore_password_file=PATH or MOVIEREC_TLS_KEYSTORE_PASSWORD");

  /** The Host header values answered. */
  public static final ConfigKey<String> ALLOWED_HOSTS =
      ConfigKey.text(
          "allowed_hosts",
          "",
          "empty, *, or host names and addresses separated by commas",
          value -> value.isEmpty() || HOST_LIST.matcher(value).matches(),
          "Host header names answered, against DNS rebinding (empty = localhost, 127.0.0.1, [::1]"
              + " and server_host; * = any); others get 421");

  /** The largest request body accepted. */
  public static final ConfigKey<Integer> MAX_BODY_BYTES =
      ConfigKey.integer(
          "max_body_bytes",
          1 << 20,
          1024,
          64 << 20,
          "largest request body the server reads; larger ones get 413");

  /** The most pairs in one batch prediction. */
  public static final ConfigKey<Integer> MAX_BATCH_PAIRS =
      ConfigKey.integer(
          "max_batch_pairs",
          10_000,
          1,
          100_000,
          "most (user, movie) pairs in one POST /v1/ratings:predict");

  /** The most entries on one page of a list endpoint. */
  public static final ConfigKey<Integer> MAX_PAGE_SIZE =
      ConfigKey.integer(
          "max_page_size",
          1_000,
          1,
          100_000,
          "largest limit of a paged list (/v1/users, /v1/users/{user}/ratings)");

  /** Concurrent reads. */
  public static final ConfigKey<Integer> MAX_IN_FLIGHT_READS =
      ConfigKey.integer(
          "max_in_flight_reads",
          128,
          1,
          10_000,
          "most GET /v1 requests answered at once; more get 503 with Retry-After");

  /** Concurrent fold-ins. */
  public static final ConfigKey<Integer> MAX_IN_FLIGHT_FOLDINS =
      ConfigKey.integer(
          "max_in_flight_foldins",
          64,
          1,
          10_000,
          "most POST /v1/recommendations (fold-ins) at once; more get 503 with Retry-After");

  /** Concurrent batch predictions. */
  public static final ConfigKey<Integer> MAX_IN_FLIGHT_BATCHES =
      ConfigKey.integer(
          "max_in_flight_batches",
          32,
          1,
          10_000,
          "most POST /v1/ratings:predict at once; more get 503 with Retry-After");

  /** The fold-in deadline. */
  public static final ConfigKey<Integer> FOLDIN_DEADLINE_MS =
      ConfigKey.integer(
          "foldin_deadline_ms",
          10_000,
          1,
          600_000,
          "longest a fold-in may compute before it is answered 503 (its slot stays taken until it"
              + " ends)");

  /** The batch deadline. */
  public static final ConfigKey<Integer> BATCH_DEADLINE_MS =
      ConfigKey.integer(
          "batch_deadline_ms",
          10_000,
          1,
          600_000,
          "longest a batch prediction may compute before it stops and is answered 503");

  /** Jetty's idle timeout. */
  public static final ConfigKey<Integer> IDLE_TIMEOUT_MS =
      ConfigKey.integer(
          "idle_timeout_ms",
          15_000,
          100,
          3_600_000,
          "a connection silent this long is closed, in milliseconds");

  /** The most open connections. */
  public static final ConfigKey<Integer> MAX_CONNECTIONS =
      ConfigKey.integer(
          "max_connections",
          1_000,
          1,
          1_000_000,
          "most open connections; beyond it the server stops accepting until one closes");

  /** The slowest request body accepted. */
  public static final ConfigKey<Integer> MIN_BODY_RATE =
      ConfigKey.integer(
          "min_body_bytes_per_second",
          8_192,
          0,
          1 << 30,
          "a request body arriving slower than this on average after its first second is cut"
              + " with 408 (0 = no minimum)");

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
      List.of(
          HOST,
          PORT,
          ADMIN_TOKEN,
          ADMIN_PORT,
          ADMIN_HOST,
          MODEL_DIR,
          MAX_MODEL_BYTES,
          TLS_KEYSTORE,
          TLS_KEYSTORE_PASSWORD,
          ALLOWED_HOSTS,
          MAX_BODY_BYTES,
          MAX_BATCH_PAIRS,
          MAX_PAGE_SIZE,
          MAX_IN_FLIGHT_READS,
          MAX_IN_FLIGHT_FOLDINS,
          MAX_IN_FLIGHT_BATCHES,
          FOLDIN_DEADLINE_MS,
          BATCH_DEADLINE_MS,
          IDLE_TIMEOUT_MS,
          MAX_CONNECTIONS,
          MIN_BODY_RATE,
          SHUTDOWN_GRACE_MS);

  private ServerKeys() {}

  /**
   * A token is compared byte for byte with the header's, which HTTP carries as ASCII: a token with
   * other characters could never match, so it is refused when configured.
   */
  private static boolean validToken(String value) {
    return value.isEmpty()
        || (value.length() >= 16 && value.chars().allMatch(c -> c > ' ' && c < 0x7f));
  }
}
