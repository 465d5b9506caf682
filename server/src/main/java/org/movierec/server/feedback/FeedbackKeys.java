package org.movierec.server.feedback;

import java.util.List;
import org.movierec.core.config.ConfigKey;

/**
 * The configuration keys of feedback, each declared once with its default; they sit in the same
 * properties file as the server keys.
 */
public final class FeedbackKeys {

  /** The bearer token of the rating write endpoints; empty leaves them open on loopback only. */
  public static final ConfigKey<String> WRITE_TOKEN =
      ConfigKey.secret(
          "write_token",
          "empty, or at least 16 visible ASCII characters (! to ~)",
          value ->
              value.isEmpty()
                  || (value.length() >= 16 && value.chars().allMatch(c -> c > ' ' && c <= '~')),
          "bearer token that POST/DELETE of ratings require (empty = open, allowed only while the"
              + " server listens on loopback); a secret: from the --config file,"
              + " write_token_file=PATH or MOVIEREC_WRITE_TOKEN, never --set");

  /** Every feedback key, in documentation order. */
  public static final List<ConfigKey<?>> ALL = List.of(WRITE_TOKEN);

  private FeedbackKeys() {}
}
