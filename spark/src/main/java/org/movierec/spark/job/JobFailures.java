package org.movierec.spark.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.movierec.core.config.ConfigException;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.model.UnknownIdException;
import org.movierec.spark.ratings.BadRatingsException;

/**
 * Turns a failure into the one line a user needs. A task's exception reaches the driver inside
 * Spark's: in local mode as a cause, from a cluster only as text in the message, so both are
 * searched for ours.
 */
final class JobFailures {

  private static final Pattern OURS =
      Pattern.compile(
          "(?:"
              + Pattern.quote(BadRatingsException.class.getName())
              + "|"
              + Pattern.quote(UnknownIdException.class.getName())
              + "|"
              + Pattern.quote(ModelFileException.class.getName())
              + "): ([^\\n]*)");

  private JobFailures() {}

  /** The message of the failure that explains the others. */
  static String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadRatingsException
          || cause instanceof UnknownIdException
          || cause instanceof ModelFileException
          || cause instanceof ConfigException) {
        return cause.getMessage();
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Matcher matcher = OURS.matcher(String.valueOf(cause.getMessage()));
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
