package org.movierec.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body at most {@code max_body_bytes} long, cutting a body that arrives slower than
 * {@code min_body_bytes_per_second} on average once its first second has passed, so that a slow
 * client cannot hold a request thread for long. Jetty's idle timeout ends a body that stops
 * altogether. The body is read once and kept for the rest of the request.
 */
final class BodyReader {

  private static final String ATTRIBUTE = BodyReader.class.getName();

  /** How long a body may take before its rate is judged: a short body is never cut. */
  static final long GRACE_NANOS = 1_000_000_000L;

  private final int maxBytes;
  private final int minBytesPerSecond;

  BodyReader(int maxBytes, int minBytesPerSecond) {
    this.maxBytes = maxBytes;
    this.minBytesPerSecond = minBytesPerSecond;
  }

  /** The body of the request, read now or earlier in the same request. */
  byte[] body(Context ctx) {
    Object kept = ctx.attribute(ATTRIBUTE);
    if (kept instanceof byte[] bytes) {
      return bytes;
    }
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw ErrorMapping.tooLarge(maxBytes);
    }
    byte[] bytes;
    try {
      bytes = read(ctx.req().getInputStream());
    } catch (IOException e) {
      // The client went away or fell silent for the idle timeout.
      ctx.header("Connection", "close");
      throw new ApiException(
          408, "body_timeout", null, "the request body stopped arriving before it was complete");
    } catch (ApiException e) {
      ctx.header("Connection", "close");
      throw e;
    }
    ctx.attribute(ATTRIBUTE, bytes);
    return bytes;
  }

  /** Reads a stream as a body: bounded in size, and in time by the minimum rate. */
  byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long start = System.nanoTime();
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > maxBytes) {
        throw ErrorMapping.tooLarge(maxBytes);
      }
      out.write(buffer, 0, n);
      checkRate(total, System.nanoTime() - start);
    }
    return out.toByteArray();
  }

  private void checkRate(long total, long elapsedNanos) {
    if (minBytesPerSecond == 0 || elapsedNanos <= GRACE_NANOS) {
      return;
    }
    double rate = total / (elapsedNanos / 1e9);
    if (rate < minBytesPerSecond) {
      throw new ApiException(
          408,
          "body_too_slow",
          null,
          String.format(
              java.util.Locale.ROOT,
              "the request body arrived at %.0f bytes/s, slower than min_body_bytes_per_second ="
                  + " %d; send it at once",
              rate,
              minBytesPerSecond));
    }
  }
}
