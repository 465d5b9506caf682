package org.movierec.data.movielens;

/** Where one (user, movie) pair occurs in a ratings file: its first two lines and their text. */
final class PairLines {

  private final long[] lines = new long[2];
  private final String[] texts = {"", ""};

  /** Notes one more line holding the pair; lines after the second are ignored. */
  void record(long line, String text) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i] == 0) {
        lines[i] = line;
        texts[i] = text;
        return;
      }
    }
  }

  /** The first line holding the pair, or 0 when not found. */
  long firstLine() {
    return lines[0];
  }

  /** The text of the first line. */
  String firstText() {
    return texts[0];
  }

  /** The second line holding the pair, or 0 when not found. */
  long secondLine() {
    return lines[1];
  }

  /** The text of the second line. */
  String secondText() {
    return texts[1];
  }
}
