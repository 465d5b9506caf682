package org.movierec.core.training;

/**
 * How the optimizer updates the user and movie embedding tables: every row every step, or only the
 * rows a batch touches.
 */
public enum EmbeddingOptimizer {
  /**
   * The configured optimizer over the whole tables, as {@code torch.optim.Adam} on {@code
   * nn.Embedding}: every step reads and writes every row and its moments, and rows a batch does not
   * touch still move (their moments keep decaying, weight decay still applies). Per-step cost grows
   * with the number of users and movies.
   */
  DENSE,
  /**
   * The configured optimizer row by row over the rows a batch touches, as PyTorch's {@code
   * SparseAdam} and TensorFlow's {@code LazyAdam}: a row's moments advance and its weight decay
   * applies only on steps whose batch contains it; a row appearing several times in a batch has its
   * gradients summed first; bias correction counts all steps. Per-step cost grows with the batch,
   * not the catalog.
   */
  LAZY,
  /**
   * {@link #LAZY} when the embedding tables hold more than {@link #AUTO_LAZY_VALUES} values or the
   * network computes users from their rated movies on the JVM, else {@link #DENSE}: the dense
   * update's cost per step grows with the tables and outweighs the batch's own work beyond a few
   * hundred thousand values, while on small tables it is cheap and exactly {@code
   * torch.optim.Adam}.
   */
  AUTO;

  /**
   * The table size (user plus movie embedding values) beyond which {@link #AUTO} trains lazily:
   * 300,000 values, 10,000 rows at width 30. MovieLens 100k (2,625 rows) and 1M (9,746 rows) stay
   * dense; 10M and beyond go lazy.
   */
  public static final long AUTO_LAZY_VALUES = 300_000;

  /**
   * What {@link #AUTO} means for tables of {@code tableValues} values; any other choice is itself.
   *
   * @param needsJvmTables whether the network needs the tables on the JVM (a user computed from the
   *     movies they rated), which only lazy training keeps there
   */
  public EmbeddingOptimizer resolve(long tableValues, boolean needsJvmTables) {
    if (this != AUTO) {
      return this;
    }
    return needsJvmTables || tableValues > AUTO_LAZY_VALUES ? LAZY : DENSE;
  }
}
