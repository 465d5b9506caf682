package org.movierec.core.data;

import java.util.Arrays;

/**
 * A frozen two-way map between raw ids as they appear in files and dense indices {@code 0..n-1}
 * used by models. Backed by primitive arrays, so it stays small for hundreds of thousands of ids.
 */
public final class IdIndex {

  private final int[] rawIds;
  private final GrowingIdMap lookup;

  private IdIndex(int[] rawIds, GrowingIdMap lookup) {
    this.rawIds = rawIds;
    this.lookup = lookup;
  }

  /**
   * Builds an index whose dense index {@code i} stands for {@code rawIds[i]}.
   *
   * @throws IllegalArgumentException when an id appears twice
   */
  public static IdIndex of(int... rawIds) {
    GrowingIdMap lookup = new GrowingIdMap(rawIds.length);
    for (int dense = 0; dense < rawIds.length; dense++) {
      if (lookup.denseOf(rawIds[dense]) != dense) {
        throw new IllegalArgumentException("raw id " + rawIds[dense] + " appears twice");
      }
    }
    return new IdIndex(rawIds.clone(), lookup);
  }

  /** The number of ids. */
  public int size() {
    return rawIds.length;
  }

  /** The raw id of a dense index. */
  public int rawId(int denseIndex) {
    return rawIds[denseIndex];
  }

  /** The dense index of a raw id, or {@code -1} when the id is unknown. */
  public int indexOf(int rawId) {
    return lookup.find(rawId);
  }

  /** Tells whether a raw id is known. */
  public boolean contains(int rawId) {
    return lookup.find(rawId) >= 0;
  }

  /** A copy of the raw ids in dense order. */
  public int[] rawIds() {
    return rawIds.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdIndex that && Arrays.equals(rawIds, that.rawIds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rawIds);
  }

  @Override
  public String toString() {
    return "IdIndex[" + rawIds.length + " ids]";
  }
}
