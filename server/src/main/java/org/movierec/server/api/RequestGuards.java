package org.movierec.server.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import org.movierec.server.ServerConfig;

/**
 * What every request passes before it reaches an endpoint: its Host must be one the server answers
 * for (a web page elsewhere cannot reach this server through a DNS name rebound to it), a body must
 * be declared JSON (a cross-site form or {@code text/plain} post is refused), and a separate admin
 * port serves only the admin endpoints, which the public port then does not. Every answer carries
 * the headers that keep a browser from sniffing, framing or leaking it.
 */
final class RequestGuards {

  /** The policy of every answer that is not the page: nothing may load from it or frame it. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final Set<String> allowedHosts;
  private final boolean anyHost;
  private final IntSupplier adminPort;

  /**
   * Guards of a configuration.
   *
   * @param adminPort the port the separate admin connector listens on, or -1 without one
   */
  RequestGuards(ServerConfig config, IntSupplier adminPort) {
    this.allowedHosts = config.allowedHosts();
    this.anyHost = allowedHosts.contains("*");
    this.adminPort = adminPort;
  }

  /** Sets the protective headers and refuses a request that fails a guard. */
  void check(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", API_POLICY);
    checkHost(ctx.header("Host"));
    checkPort(ctx);
    checkContentType(ctx);
  }

  /** Refuses a Host header naming a host not in {@code allowed_hosts}; none at all is allowed. */
  void checkHost(String header) {
    if (anyHost || header == null) {
      return;
    }
    String host = hostOf(header);
    if (!allowedHosts.contains(host)) {
      throw new ApiException(
          421,
          "host_not_allowed",
          null,
          "this server does not answer for the host '"
              + Params.clip(host)
              + "'; its operator lists the names it answers for in allowed_hosts");
    }
  }

  /** The host of a Host header, lower case, without port, brackets or a final dot. */
  static String hostOf(String header) {
    String host = header.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end < 0 ? host : host.substring(1, end);
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && host.indexOf(':') == colon) {
        host = host.substring(0, colon);
      }
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private void checkPort(Context ctx) {
    int admin = adminPort.getAsInt();
    if (admin < 0) {
      return;
    }
    boolean onAdminPort = ctx.req().getLocalPort() == admin;
    boolean adminPath = ctx.path().startsWith("/admin/");
    if (onAdminPort != adminPath) {
      throw new ApiException(
          404,
          "no_such_endpoint",
          null,
          "there is no endpoint "
              + ctx.method()
              + " "
              + Params.clip(ctx.path())
              + (adminPath
                  ? " on this port; the admin endpoints have a port of their own"
                  : " on the admin port, which serves /admin/* only"));
    }
  }

  /** A request with a body must declare it {@code application/json}, in UTF-8 if it names one. */
  private static void checkContentType(Context ctx) {
    boolean hasBody =
        ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    if (!hasBody) {
      return;
    }
    checkJsonType(ctx.header("Content-Type"));
  }

  /** Refuses a declared type other than JSON. */
  static void checkJsonType(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String[] parts = type.split(";");
    boolean json = parts[0].strip().equals("application/json");
    for (int i = 1; i < parts.length && json; i++) {
      String parameter = parts[i].strip().replace("\"", "");
      if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
        json = false;
      }
    }
    if (!json) {
      throw new ApiException(
          415,
          "unsupported_media_type",
          "Content-Type",
          "a request body must be sent with 'Content-Type: application/json' (UTF-8), got '"
              + Params.clip(contentType == null ? "" : contentType)
              + "'");
    }
  }
}
