package org.movierec.core.data;

import java.util.Arrays;

/**
 * A mutable raw-id to dense-index map that hands out indices in order of first appearance; frozen
 * into an {@link IdIndex} once loading is done. Primitive arrays only: no boxing per id.
 */
public final class GrowingIdMap {

  private static final int EMPTY = -1;

  private int[] rawIds;
  private int[] table;
  private int size;

  /** An empty map. */
  public GrowingIdMap() {
    this(64);
  }

  /** An empty map sized so that {@code expectedIds} ids fit without growing. */
  public GrowingIdMap(int expectedIds) {
    int expected = Math.max(16, expectedIds);
    rawIds = new int[expected];
    table = emptyTable(Integer.highestOneBit(expected * 2 - 1) << 1);
  }

  /** The dense index of a raw id, assigning the next free one when the id is new. */
  public int denseOf(int rawId) {
    int mask = table.length - 1;
    int slot = mix(rawId) & mask;
    while (true) {
      int dense = table[slot];
      if (dense == EMPTY) {
        break;
      }
      if (rawIds[dense] == rawId) {
        return dense;
      }
      slot = (slot + 1) & mask;
    }
    if (size == rawIds.length) {
      rawIds = Arrays.copyOf(rawIds, size * 2);
    }
    rawIds[size] = rawId;
    table[slot] = size;
    size++;
    if (size * 2 > table.length) {
      rehash();
    }
    return size - 1;
  }

  /** The dense index of a raw id, or {@code -1} when it was never seen. */
  public int find(int rawId) {
    int mask = table.length - 1;
    int slot = mix(rawId) & mask;
    while (true) {
      int dense = table[slot];
      if (dense == EMPTY || rawIds[dense] == rawId) {
        return dense;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The number of distinct ids seen. */
  public int size() {
    return size;
  }

  /** An immutable index of the ids seen so far. */
  public IdIndex freeze() {
    return IdIndex.of(Arrays.copyOf(rawIds, size));
  }

  private void rehash() {
    table = emptyTable(table.length * 2);
    int mask = table.length - 1;
    for (int dense = 0; dense < size; dense++) {
      int slot = mix(rawIds[dense]) & mask;
      while (table[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      table[slot] = dense;
    }
  }

  private static int[] emptyTable(int capacity) {
    int[] fresh = new int[capacity];
    Arrays.fill(fresh, EMPTY);
    return fresh;
  }

  private static int mix(int rawId) {
    int h = rawId * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
