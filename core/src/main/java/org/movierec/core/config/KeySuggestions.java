package org.movierec.core.config;

import java.util.Locale;
import java.util.stream.Stream;

/** Finds the known name closest to a mistyped one, for "did you mean" hints. */
public final class KeySuggestions {

  private KeySuggestions() {}

  /**
   * The candidate with the smallest edit distance to {@code typed}, or {@code null} when none is
   * close enough to be a plausible typo.
   */
  public static String nearest(String typed, Stream<String> candidates) {
    String needle = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : (Iterable<String>) candidates::iterator) {
      int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerance = Math.max(2, needle.length() / 3);
    return bestDistance <= tolerance ? best : null;
  }

  /** The Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
