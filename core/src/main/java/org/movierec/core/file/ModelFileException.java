package org.movierec.core.file;

import java.nio.file.Path;

/** A model file that cannot be read; the message names the path and what is wrong with it. */
public class ModelFileException extends RuntimeException {

  /** What is wrong with the file. */
  public enum Problem {
    /** The file ends before its end marker: an interrupted copy or save. */
    TRUNCATED,
    /** The content does not match its checksum or its structure is broken. */
    CORRUPT,
    /** The file is not a movierec model file at all. */
    FOREIGN,
    /** The file was written by a newer format version than this build reads. */
    TOO_NEW,
    /** The file was written in an older format version than this build still reads. */
    TOO_OLD,
    /** The file is a movierec model of a different backend or misses a part the backend needs. */
    INCOMPATIBLE
  }

  private final Path file;
  private final Problem problem;

  /** An error about one file. */
  public ModelFileException(Path file, Problem problem, String detail) {
    super("model file " + file + " " + describe(problem) + ": " + detail);
    this.file = file;
    this.problem = problem;
  }

  /** The file that failed to load. */
  public Path file() {
    return file;
  }

  /** What is wrong with it. */
  public Problem problem() {
    return problem;
  }

  private static String describe(Problem problem) {
    return switch (problem) {
      case TRUNCATED -> "is truncated";
      case CORRUPT -> "is corrupt";
      case FOREIGN -> "is not a movierec model file";
      case TOO_NEW -> "is too new for this movierec";
      case TOO_OLD -> "is too old for this movierec";
      case INCOMPATIBLE -> "does not fit this backend";
    };
  }
}
