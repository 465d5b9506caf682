package org.movierec.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks a request's {@code Authorization: Bearer} header against a configured token. */
final class BearerToken {

  private BearerToken() {}

  /**
   * Refuses a request whose bearer token is missing or wrong with a 401, comparing in constant
   * time.
   *
   * @param key the configuration key the token comes from, named in the refusal
   */
  static void require(Context ctx, String token, String key) {
    String header = ctx.header("Authorization");
    String expected = "Bearer " + token;
    if (header == null
        || !MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"movierec " + key + "\"");
      throw new ApiException(
          401,
          "unauthorized",
          null,
          header == null
              ? "this endpoint needs the header 'Authorization: Bearer <" + key + ">'"
              : "the bearer token does not match the configured " + key);
    }
  }
}
