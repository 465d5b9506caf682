package org.movierec.data;

/** What a reader does with a line it cannot accept. */
public enum BadLinePolicy {
  /** Stop at the first bad line with a {@link DataFormatException} naming the file and line. */
  FAIL,
  /** Skip bad lines, count them by {@link LineProblem} and report them in the read report. */
  SKIP;

  /**
   * The policy named {@code fail} or {@code skip}, ignoring case.
   *
   * @throws IllegalArgumentException for any other name, listing the allowed ones
   */
  public static BadLinePolicy parse(String name) {
    for (BadLinePolicy policy : values()) {
      if (policy.name().equalsIgnoreCase(name.trim())) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknown bad-line policy '" + name + "'; allowed: fail, skip");
  }
}
