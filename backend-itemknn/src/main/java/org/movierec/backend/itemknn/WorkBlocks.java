package org.movierec.backend.itemknn;

/** Splits a run of work items into contiguous blocks of about equal total work. */
final class WorkBlocks {

  private WorkBlocks() {}

  /**
   * The start of each of {@code blocks} contiguous, non-empty blocks of {@code work}'s items, then
   * the item count: block {@code b} covers items {@code starts[b]} to {@code starts[b + 1] - 1}. A
   * block ends once the work up to it reaches its share of the total; an item heavier than a share
   * makes a block of its own.
   *
   * @param work each item's work, every one positive
   * @param blocks between 1 and the number of items
   */
  static int[] starts(long[] work, int blocks) {
    int items = work.length;
    if (blocks < 1 || blocks > items) {
      throw new IllegalArgumentException(blocks + " blocks of " + items + " items");
    }
    long total = 0;
    for (long item : work) {
      total += item;
    }
    int[] starts = new int[blocks + 1];
    int block = 1;
    long sum = 0;
    for (int item = 0; item < items && block < blocks; item++) {
      sum += work[item];
      // Enough items must be left for every block still to come.
      if ((double) sum * blocks >= (double) total * block && items - (item + 1) >= blocks - block) {
        starts[block++] = item + 1;
      }
    }
    while (block < blocks) {
      starts[block] = Math.max(starts[block - 1] + 1, items - (blocks - block));
      block++;
    }
    starts[blocks] = items;
    return starts;
  }
}
